import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { newNonce } from '../apiv3';
import { loadOrInitDataDir } from './keys';
import { dataDirCaller, mockRequest, tempDirs, validBody } from './testing';

// Several mock processes on one SQLite file (WAL): idempotency and nonce replay are decided in the
// database, not in a process's memory (AUTH-NONCE-DURABLE, IDEMP-SAME).
const dirs = tempDirs('payscore-workers-test-');
const freshDir = dirs.fresh;
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  dirs.removeAll();
});
const root = join(__dirname, '..');

/** Starts a process and answers its first stdout line. */
function firstLine(args: string[]): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      child.removeAllListeners('exit');
      resolve({ child, line });
    });
  });
}

const standalone = async (dir: string): Promise<string> =>
  (
    JSON.parse(
      (await firstLine(['-r', 'ts-node/register/transpile-only', join(__dirname, 'standaloneMain.ts'), dir])).line,
    ) as { url: string }
  ).url;

describe('two mock processes on one data directory', () => {
  let dir: string;
  let urls: string[];
  beforeAll(async () => {
    dir = freshDir();
    urls = [await standalone(dir)];
    urls.push(await standalone(dir));
  }, 30_000);

  test('40 concurrent identical creates, alternating between the processes, give one order_id', async () => {
    const body = validBody(loadOrInitDataDir(dir, 'public-key').identities, { need_user_confirm: true });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => mockRequest(dataDirCaller(dir, urls[i % 2]!), body)),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(new Set(answers.map((a) => a.json['order_id'])).size).toBe(1);
    expect(new Set(answers.map((a) => a.raw.toString('utf8'))).size).toBe(1);
  });

  test('a nonce used on one process is refused by the other', async () => {
    const body = validBody(loadOrInitDataDir(dir, 'public-key').identities);
    const options = { nonce: newNonce(), timestamp: Math.floor(Date.now() / 1000) };
    expect((await mockRequest(dataDirCaller(dir, urls[0]!), body, options)).status).toBe(200);
    const replay = await mockRequest(dataDirCaller(dir, urls[1]!), body, options);
    expect([replay.status, replay.json['code']]).toEqual([401, 'SIGN_ERROR']);
    expect(String(replay.json['message'])).toContain('AUTH-NONCE-REPLAY');
  });
});

describe('mock --workers 2 (node:cluster on one port)', () => {
  let dir: string;
  let url: string;
  let primary: ChildProcess;
  const cpuTicks = (pid: number): number => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]);
  };
  const workerPids = (): number[] =>
    readFileSync(`/proc/${primary.pid}/task/${primary.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  beforeAll(async () => {
    dir = freshDir();
    const started = await firstLine([
      join(root, 'bin', 'payscore-conformance.js'),
      'mock',
      '--port',
      '0',
      '--data-dir',
      dir,
      '--quiet',
      '--workers',
      '2',
    ]);
    primary = started.child;
    expect(started.line).toContain('with 2 workers');
    url = /listening on (\S+)/.exec(started.line)?.[1] ?? '';
  }, 30_000);

  const linux = process.platform === 'linux' ? test : test.skip;
  linux('60 concurrent identical creates on fresh connections reach both workers and give one order_id', async () => {
    const pids = workerPids();
    expect(pids).toHaveLength(2);
    const before = pids.map(cpuTicks);
    const body = validBody(loadOrInitDataDir(dir, 'public-key').identities);
    const answers = await Promise.all(Array.from({ length: 60 }, () => mockRequest(dataDirCaller(dir, url), body)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(new Set(answers.map((a) => a.json['order_id'])).size).toBe(1);
    // Both workers spent CPU on them: node:cluster handed connections to each.
    pids.forEach((pid, i) => expect(cpuTicks(pid)).toBeGreaterThan(before[i]!));
  });

  test('the same signed bytes sent again on 10 fresh connections are all refused', async () => {
    const body = validBody(loadOrInitDataDir(dir, 'public-key').identities);
    const options = { nonce: newNonce(), timestamp: Math.floor(Date.now() / 1000) };
    expect((await mockRequest(dataDirCaller(dir, url), body, options)).status).toBe(200);
    const replays = await Promise.all(
      Array.from({ length: 10 }, () => mockRequest(dataDirCaller(dir, url), body, options)),
    );
    expect(replays.map((r) => r.status)).toEqual(replays.map(() => 401));
  });

  test('stops cleanly on SIGTERM, workers included', async () => {
    const pids = workerPids();
    const exited = new Promise<number | null>((resolve) => primary.once('exit', resolve));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });
});
