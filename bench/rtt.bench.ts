// A distant target: the default run against `mock --latency MS` (a process of its own) at 50 ms and
// 200 ms, with --concurrency 1 and with the default concurrency, in the same run; then --runs 1000 at
// 50 ms. Prints wall times, ratios and the load average. Goals (issue #20): at 50 ms the default is
// at least 4× faster than --concurrency 1 and takes at most 8 s; --runs 1000 at 50 ms at most 60 s.
// Run: npm run bench rtt   (BENCH_RTT_LATENCIES=50 for one latency)
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { DEFAULT_CONCURRENCY } from '../suites';

const BIN = resolve(__dirname, '..', 'bin', 'payscore-conformance.js');
const LATENCIES = (process.env['BENCH_RTT_LATENCIES'] ?? '50,200').split(',').map(Number);
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** `payscore-conformance mock --latency ms` on a free port; resolves with its profile once it listens. */
function startMock(dataDir: string, latencyMs: number): Promise<{ child: ChildProcess; profile: string }> {
  const child = spawn(
    process.execPath,
    [BIN, 'mock', '--port', '0', '--data-dir', dataDir, '--quiet', '--latency', String(latencyMs)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((done, fail) => {
    child.once('exit', (code) => fail(new Error(`the mock exited before listening (code ${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const profile = / — profile (.+)$/.exec(line)?.[1];
      if (profile === undefined) fail(new Error(`unexpected first line from the mock: ${line}`));
      else done({ child, profile });
    });
  });
}

/** One `run --profile` against the mock: exit code and wall seconds. */
function timedRun(profile: string, args: string[]): Promise<{ exit: number; seconds: number }> {
  const reports = mkdtempSync(join(tmpdir(), 'payscore-rtt-'));
  const started = performance.now();
  return new Promise((done) =>
    execFile(
      process.execPath,
      [BIN, 'run', '--profile', profile, '--reports', reports, ...args],
      { env: { ...process.env, PAYSCORE_PROFILE: '' }, maxBuffer: 256 * 1024 * 1024 },
      (error) => {
        rmSync(reports, { recursive: true, force: true });
        const exit = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        done({ exit, seconds: (performance.now() - started) / 1000 });
      },
    ),
  );
}

async function main(): Promise<void> {
  console.log(`load average at start: ${load()}; default concurrency ${DEFAULT_CONCURRENCY}`);
  console.log('| latency | run | exit | wall s | --concurrency 1 ÷ default |\n|---|---|---|---|---|');
  const goals: string[] = [];
  for (const latency of LATENCIES) {
    const dataDir = mkdtempSync(join(tmpdir(), 'payscore-rtt-mock-'));
    const { child, profile } = await startMock(dataDir, latency);
    try {
      const many = await timedRun(profile, []);
      const one = await timedRun(profile, ['--concurrency', '1']);
      const ratio = one.seconds / many.seconds;
      console.log(`| ${latency} ms | default | ${many.exit} | ${many.seconds.toFixed(1)} | |`);
      console.log(
        `| ${latency} ms | --concurrency 1 | ${one.exit} | ${one.seconds.toFixed(1)} | ${ratio.toFixed(2)}× |`,
      );
      if (latency === 50) {
        const deep = await timedRun(profile, ['--runs', '1000']);
        console.log(`| ${latency} ms | default, --runs 1000 | ${deep.exit} | ${deep.seconds.toFixed(1)} | |`);
        goals.push(
          `at 50 ms: default ${ratio.toFixed(2)}× faster than --concurrency 1 (goal ≥ 4: ${ratio >= 4 ? 'met' : 'NOT met'}), ${many.seconds.toFixed(1)} s (goal ≤ 8 s: ${many.seconds <= 8 ? 'met' : 'NOT met'}); --runs 1000 ${deep.seconds.toFixed(1)} s (goal ≤ 60 s: ${deep.seconds <= 60 ? 'met' : 'NOT met'})`,
        );
      }
      if ([many, one].some((r) => r.exit !== 0)) process.exitCode = 1;
    } finally {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  for (const g of goals) console.log(g);
  console.log(`load average at end: ${load()}`);
}

void main();
