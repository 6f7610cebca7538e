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
});
