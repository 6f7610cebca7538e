import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientRules, SCENARIOS } from '../clientAudit';
import { auditClientCommand } from './auditClientCommand';
import { captureIo } from './testing/captureIo';

describe('payscore-conformance audit-client: flags', () => {
  it('--help states the driver contract and lists every scenario and client rule, exit 0', async () => {
    const c = captureIo();
    expect(await auditClientCommand(['--help'], c.io)).toBe(0);
    const text = c.out.join('\n');
    for (const name of ['PAYSCORE_PROFILE', 'PAYSCORE_BASE_URL', 'PAYSCORE_ORDER', '"outcome":"created"', '--timeout'])
      expect(text).toContain(name);
    for (const s of SCENARIOS) expect(text).toContain(s.name);
    for (const r of clientRules()) expect(text).toContain(r.id);
  });

  it.each([
    [[], 'no command'],
    [['--only', 'AUTH-SIGNATURE', '--', 'node'], '--only'],
    [['--scenario', 'gentle', '--', 'node'], '--scenario'],
    [['--key-mode', 'both', '--', 'node'], '--key-mode'],
    [['--timeout', '0', '--', 'node'], '--timeout'],
    [['--seed', 'x', '--', 'node'], '--seed'],
    [['--nope', '--', 'node'], '--nope'],
  ])('%j exits 2 naming %s', async (argv, what) => {
    const c = captureIo();
    expect(await auditClientCommand(argv, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain(what);
  });

  it('a command that never reaches the mock nor prints its line (a mistyped script path) exits 2, not 1', async () => {
    const c = captureIo();
    const argv = ['--scenario', 'genuine', '--reports', mkdtempSync(join(tmpdir(), 'audit-')), '--quiet'];
    const missing = join(tmpdir(), 'no-such-driver.js');
    expect(await auditClientCommand([...argv, '--', process.execPath, missing], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('sent no request and printed no JSON line');
    expect(c.err.join('\n')).toContain('no-such-driver.js');
  }, 60_000);
});
