import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faultCatalogue } from '../mock';
import { mockCommand } from './mockCommand';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('payscore-conformance mock', () => {
  test('--help lists every flag and every fault, exit 0', async () => {
    const c = capture();
    expect(await mockCommand(['--help'], c.io)).toBe(0);
    const text = c.out.join('\n');
    for (const flag of ['--host', '--port', '--data-dir', '--risk-fund-cap', '--rate-limit', '--fault', '--control', '--key-mode', '--quiet', '--help']) expect(text).toContain(flag);
    for (const fault of faultCatalogue()) expect(text).toContain(fault.name);
  });

  test.each([
    [['--nope'], '--nope'],
    [['--port', 'x'], '--port'],
    [['--port', '70000'], '--port'],
    [['--fault', 'no-such-fault'], '--fault'],
    [['--key-mode', 'both'], '--key-mode'],
    [['--risk-fund-cap', '0'], '--risk-fund-cap'],
    [['--rate-limit', '-1'], '--rate-limit'],
  ])('%j exits 2 with a message naming %s', async (argv, flag) => {
    const c = capture();
    expect(await mockCommand(argv, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain(flag);
  });

  test('starts on a free port, prints the URL and the profile path, stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'payscore-mock-cli-'));
    dirs.push(dir);
    const c = capture();
    const running = mockCommand(['--port', '0', '--data-dir', dir, '--quiet', '--fault', 'echo-drift', '--risk-fund-cap', '12345'], c.io);
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let i = 0; i < 50 && c.out.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(c.out[0]).toMatch(/http:\/\/127\.0\.0\.1:\d+ .*profile\.json/);
    const profile = JSON.parse(readFileSync(join(dir, 'profile.json'), 'utf8')) as { baseUrl: string; riskFundCap: number };
    expect(c.out[0]).toContain(profile.baseUrl);
    expect(profile.riskFundCap).toBe(12345);
    process.emit('SIGTERM');
    expect(await running).toBe(0);
  });

  test('a port in use exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'payscore-mock-cli-'));
    dirs.push(dir);
    const abort = new AbortController();
    const c1 = capture();
    const first = mockCommand(['--port', '0', '--data-dir', dir, '--quiet'], { ...c1.io, signal: abort.signal });
    for (let i = 0; i < 50 && c1.out.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const port = /:(\d+) /.exec(c1.out[0] ?? '')?.[1] ?? '';
    const c2 = capture();
    expect(await mockCommand(['--port', port, '--data-dir', dir, '--quiet'], c2.io)).toBe(2);
    expect(c2.err.join('\n')).toContain('--port');
    abort.abort();
    expect(await first).toBe(0);
  });
});
