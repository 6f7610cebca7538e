// The detection report: every fault of the mock × {caught (exit 1), its rule named among the failed},
// and every reading × {passed as a foreign target (exit 0, no failed rule)}, as two tables with
// totals. The fault and fairness self-tests assert the same; this prints it for people.
// Run: npm run bench detection
import { loadavg } from 'node:os';
import { faultCatalogue, readingCatalogue } from '../mock';
import { failedRules, OBSERVED_AS, runAgainstMock, runCliAgainstMock, type SelfTestRun } from '../suites/testing';

/** Two runs at a time: one per core. */
async function inPairs<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 2) out.push(...(await Promise.all(items.slice(i, i + 2).map(run))));
  return out;
}

const mark = (ok: boolean): string => (ok ? 'yes' : 'NO');

async function main(): Promise<void> {
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const started = Date.now();
  const faults = await inPairs(faultCatalogue(), async (f) => {
    const special = OBSERVED_AS[f.name];
    const run: SelfTestRun = await runAgainstMock([f.name], special?.args ?? [], special?.env ?? {});
    const expected = special?.rules ?? [f.ruleId];
    const failed = failedRules(run.model);
    return {
      name: f.name,
      rule: expected.join(', '),
      caught: run.exitCode === (special?.exitCode ?? 1),
      named: expected.every((r) => failed.includes(r)),
      also: failed.filter((r) => !expected.includes(r)),
    };
  });
  console.log('\nFaults (the suites must catch each under its rule):\n');
  console.log(`| fault | rule | caught | rule named | other rules failed |\n|---|---|---|---|---|`);
  // A fault that breaks every answer fails nearly every rule: count those instead of listing them.
  const others = (ids: string[]): string =>
    ids.length === 0 ? '—' : ids.length > 4 ? `${ids.length} rules` : ids.join(', ');
  for (const f of faults)
    console.log(`| ${f.name} | ${f.rule} | ${mark(f.caught)} | ${mark(f.named)} | ${others(f.also)} |`);
  console.log(
    `| **total ${faults.length}** | | **${faults.filter((f) => f.caught).length}** | **${faults.filter((f) => f.named).length}** | |`,
  );

  const names = [...readingCatalogue().map((r) => r.name as string), 'all'];
  const readings = await inPairs(names, async (name) => {
    const run = await runCliAgainstMock([], { PAYSCORE_MOCK_READINGS: name, PAYSCORE_MOCK_FAULTS: '' });
    return {
      name,
      passed: run.exitCode === 0 && failedRules(run.model).length === 0,
      failed: failedRules(run.model),
      info: run.model.summary.informational,
    };
  });
  console.log('\nReadings (the suites, run as a foreign target, must pass each):\n');
  console.log(`| reading | passed | rules failed | informational |\n|---|---|---|---|`);
  for (const r of readings)
    console.log(`| ${r.name} | ${mark(r.passed)} | ${r.failed.join(', ') || '—'} | ${r.info} |`);
  console.log(`| **total ${readings.length}** | **${readings.filter((r) => r.passed).length}** | | |`);
  console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (faults.some((f) => !f.caught || !f.named) || readings.some((r) => !r.passed)) process.exitCode = 1;
}

void main();
