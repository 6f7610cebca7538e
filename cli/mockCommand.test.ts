import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { faultCatalogue, MAX_HELPER_NICE } from '../mock';
import { mockCommand } from './mockCommand';
import { captureIo, tempDirs } from './testing/captureIo';

const freshDir = tempDirs('payscore-mock-cli-');
const capture = captureIo;

describe('payscore-conformance mock', () => {
  test('--help lists every flag and every fault, exit 0', async () => {
    const c = capture();
    expect(await mockCommand(['--help'], c.io)).toBe(0);
    const text = c.out.join('\n');
    for (const flag of [
      '--workers',
      '--headers-timeout',
      '--request-timeout',
      '--helper-nice',
      '--host',
      '--port',
      '--data-dir',
      '--risk-fund-cap',
      '--rate-limit',
      '--latency',
      '--fault',
      '--control',
      '--no-console',
      '--key-mode',
      '--quiet',
      '--help',
    ])
      expect(text).toContain(flag);
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
    [['--helper-nice', '20'], '--helper-nice'],
    [['--headers-timeout', '0'], '--headers-timeout'],
    [['--workers', '0'], '--workers'],
    [['--workers', 'many'], '--workers'],
    [['--workers', '2', '--control'], '--control'],
    [['--workers', '2', '--rate-limit', '5'], '--rate-limit'],
    [['--request-timeout', 'soon'], '--request-timeout'],
    [['--latency', 'far'], '--latency'],
    [['--latency', '-5'], '--latency'],
    [['--latency', '50,60'], '--latency'],
    [['--latency', '50,10,3'], '--latency'],
    [['--headers-timeout', '5000', '--request-timeout', '4000'], '--request-timeout'],
  ])('%j exits 2 with a message naming %s', async (argv, flag) => {
    const c = capture();
    expect(await mockCommand(argv, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain(flag);
  });

  test('starts on a free port, prints the URL and the profile path, stops cleanly on SIGTERM', async () => {
    const dir = freshDir();
    const c = capture();
    // --helper-nice 0 here and below: these run inside the Jest worker, whose threads are not the mock's to lower.
    const running = mockCommand(
      [
        '--port',
        '0',
        '--data-dir',
        dir,
        '--quiet',
        '--helper-nice',
        '0',
        '--fault',
        'echo-drift',
        '--risk-fund-cap',
        '12345',
      ],
      c.io,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let i = 0; i < 50 && c.out.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(c.out[0]).toMatch(/http:\/\/127\.0\.0\.1:\d+ .*profile\.json/);
    const profile = JSON.parse(readFileSync(join(dir, 'profile.json'), 'utf8')) as {
      baseUrl: string;
      riskFundCap: number;
    };
    expect(c.out[0]).toContain(profile.baseUrl);
    expect(profile.riskFundCap).toBe(12345);
    process.emit('SIGTERM');
    expect(await running).toBe(0);
  });

  test('a port in use exits 2', async () => {
    const dir = freshDir();
    const abort = new AbortController();
    const c1 = capture();
    const first = mockCommand(['--port', '0', '--data-dir', dir, '--quiet', '--helper-nice', '0'], {
      ...c1.io,
      signal: abort.signal,
    });
    for (let i = 0; i < 50 && c1.out.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const port = /:(\d+) /.exec(c1.out[0] ?? '')?.[1] ?? '';
    const c2 = capture();
    expect(await mockCommand(['--port', port, '--data-dir', dir, '--quiet', '--helper-nice', '0'], c2.io)).toBe(2);
    expect(c2.err.join('\n')).toContain('--port');
    abort.abort();
    expect(await first).toBe(0);
  });

  // The command as users start it (a process of its own), read from outside through /proc: the
  // threads that sign and verify run below the event loop, which keeps the parent's priority.
  const onLinux = process.platform === 'linux' ? test : test.skip;
  onLinux.each([
    [[], 10],
    [['--helper-nice', '3'], 3],
    [['--helper-nice', '0'], 0],
  ])(
    'bin/payscore-conformance.js mock %j runs its helper threads %i nice levels below the event loop',
    async (flags, levels) => {
      const dir = freshDir();
      const child = spawn(
        process.execPath,
        [
          join(__dirname, '..', 'bin', 'payscore-conformance.js'),
          'mock',
          '--port',
          '0',
          '--data-dir',
          dir,
          '--quiet',
          ...flags,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      try {
        const line = await new Promise<string>((resolve, reject) => {
          child.once('exit', (code) => reject(new Error(`the mock exited early with ${code}`)));
          createInterface({ input: child.stdout }).once('line', resolve);
        });
        expect(line).toContain('listening on');
        const niceOf = (tid: string): number =>
          Number(readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ')[16]);
        const threads = readdirSync(`/proc/${child.pid}/task`);
        const helpers = threads.filter((tid) => tid !== String(child.pid));
        expect(helpers.length).toBeGreaterThanOrEqual(4);
        expect(niceOf(String(child.pid))).toBe(getPriority());
        expect(helpers.map(niceOf)).toEqual(helpers.map(() => Math.min(MAX_HELPER_NICE, getPriority() + levels)));
      } finally {
        child.removeAllListeners('exit');
        child.kill('SIGTERM');
      }
    },
    30_000,
  );
});
