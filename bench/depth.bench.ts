// The depth tests at full depth: generators/laws.depth.test.ts and mock/readings.depth.test.ts with
// 100,000 samples each (PAYSCORE_LAW_DEPTH; `npm test` runs them at 20,000). Prints each file's
// samples, result and time; exits 1 when one fails (its seed and path replay it).
// Run: npm run bench depth   (BENCH_DEPTH=N for another depth)
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const DEPTH = Number(process.env['BENCH_DEPTH'] ?? 100_000);
const FILES = ['generators/laws.depth.test.ts', 'mock/readings.depth.test.ts'];

if (!Number.isSafeInteger(DEPTH) || DEPTH <= 0) {
  console.error(`bench depth: BENCH_DEPTH must be a positive integer, got ${process.env['BENCH_DEPTH']}`);
  process.exit(2);
}

let failed = false;
console.log(`depth ${DEPTH.toLocaleString('en')} samples per arbitrary (npm test: 20,000)`);
for (const file of FILES) {
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/jest/bin/jest.js'), '--ci', '--selectProjects', 'unit', '--testPathPatterns', file],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PAYSCORE_LAW_DEPTH: String(DEPTH) } },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  failed ||= !ok;
  console.log(`  ${ok ? 'ok    ' : 'FAILED'} ${file.padEnd(34)} ${seconds.padStart(6)} s`);
  if (!ok) console.log(`${run.stdout}\n${run.stderr}`);
}
process.exit(failed ? 1 : 0);
