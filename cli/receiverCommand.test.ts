import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { receiverFaultCatalogue, RECEIVER_FILES } from '../receiver';
import { receiverCommand } from './receiverCommand';
import { captureIo, tempDirs } from './testing/captureIo';

const freshDir = tempDirs('payscore-receiver-cli-');
const capture = captureIo;

describe('payscore-conformance receiver', () => {
  test('--help lists every flag with its default and every fault with its rule, exit 0', async () => {
    const c = capture();
    expect(await receiverCommand(['--help'], c.io)).toBe(0);
    const text = c.out.join('\n');
    for (const flag of [
      '--host HOST',
      '(default 127.0.0.1)',
      '--port N',
      '(default 9090',
      '--data-dir DIR',
      '--fault NAME',
      '--quiet',
      '--help',
    ])
      expect(text).toContain(flag);
    for (const fault of receiverFaultCatalogue()) expect(text).toMatch(new RegExp(`${fault.name}\\s+${fault.ruleId}`));
  });

  test.each([
    [['--nope'], '--nope'],
    [['--port', 'x'], '--port'],
    [['--port', '70000'], '--port'],
    [['--fault', 'no-such-fault'], '--fault'],
  ])('%j exits 2 with a message naming %s', async (argv, flag) => {
    const c = capture();
    expect(await receiverCommand(argv, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain(flag);
  });

  test('starts on a free port, writes notify-profile.json into its data directory and stops cleanly', async () => {
    const dir = freshDir();
    const c = capture();
    const abort = new AbortController();
    const running = receiverCommand(['--port', '0', '--data-dir', dir, '--quiet'], { ...c.io, signal: abort.signal });
    for (let i = 0; i < 100 && c.out.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(c.out.join('\n')).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+\/notify — profile .*notify-profile\.json/);
    expect(existsSync(join(dir, RECEIVER_FILES.profile))).toBe(true);
    abort.abort();
    expect(await running).toBe(0);
  });
});
