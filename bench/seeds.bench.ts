// Depth across seeds: `run --runs 1000` against the embedded mock under 10 different seeds. Every
// run must exit 0 (a failure here is a generator law broken at depth or a mock defect; the failing
// seed and path replay it). Prints one row per seed. Run: npm run bench seeds   (BENCH_SEEDS=N for fewer)
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '..', 'bin', 'payscore-conformance.js');
const RUNS = 1000;
const SEEDS = [1, 7, 42, 1234, 20261127, 31337, 65535, 99991, 271828, 314159].slice(
  0,
  Number(process.env['BENCH_SEEDS'] ?? 10),
);

function run(seed: number): Promise<{ seed: number; exit: number; seconds: number; summary: Record<string, number> }> {
  const reports = mkdtempSync(join(tmpdir(), 'payscore-seeds-'));
  const started = Date.now();
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, 'run', '--seed', String(seed), '--runs', String(RUNS), '--reports', reports],
      { env: { ...process.env, PAYSCORE_PROFILE: '' }, maxBuffer: 256 * 1024 * 1024 },
      (error) => {
        const exit = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        let summary: Record<string, number> = {};
        try {
          summary = (
            JSON.parse(readFileSync(join(reports, 'conformance-report.json'), 'utf8')) as {
              summary: Record<string, number>;
            }
          ).summary;
        } catch {
          // no report: the row says so through the exit code
        }
        rmSync(reports, { recursive: true, force: true });
        done({ seed, exit, seconds: (Date.now() - started) / 1000, summary });
      },
    );
  });
}

async function main(): Promise<void> {
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; --runs ${RUNS}, one run at a time`,
  );
  console.log('| seed | exit | rules passed | rules failed | wall s |\n|---|---|---|---|---|');
  const rows = [];
  for (const seed of SEEDS) {
    const row = await run(seed);
    rows.push(row);
    console.log(
      `| ${seed} | ${row.exit} | ${row.summary['passed'] ?? '—'} | ${row.summary['failed'] ?? '—'} | ${row.seconds.toFixed(1)} |`,
    );
  }
  const clean = rows.filter((r) => r.exit === 0).length;
  console.log(`${clean} of ${rows.length} seeds exit 0`);
  if (clean !== rows.length) process.exitCode = 1;
}

void main();
