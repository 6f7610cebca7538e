import { faultCatalogue } from '../../mock';
import { OBSERVED_AS } from './observedAs';
import { part } from './part';
import { cleanRun } from './ruleSuites';
import { failedRules, runAgainstMock } from './runAgainstMock';

// The suites must be able to fail: against every built-in fault of the mock they fail and name the
// rule the fault breaks. A fault that goes uncaught fails here. Each run is `run --only <that rule>`:
// the tests of the rule a fault names must catch it by themselves (the clean mock and the readings
// get whole runs), and `--suite` loads only the suite files that hold those tests (ruleSuites.ts);
// the rest of a whole run was most of each case's time (issue #27). The faults are split over two
// files (faults.selftest.ts, faults.part2.selftest.ts) so that both of Jest's workers run them.

/** The arguments of a case: its `--only` (the fault's rule, or observedAs.ts's), and the suites holding those tests. */
export async function caseArgs(ruleId: string, special: readonly string[] | undefined): Promise<string[]> {
  const args = special ?? ['--only', ruleId];
  const at = args.indexOf('--only');
  if (at < 0) return [...args];
  const suites = (await cleanRun()).suitesOf(args[at + 1]!.split(','));
  return suites === undefined ? [...args] : [...args, '--suite', suites.join(',')];
}

/** The self-test of part `index` of `count` of the fault catalogue. */
export function faultCases(index: number, count: number): void {
  const faults = part(faultCatalogue(), index, count);
  it.each(faults.map((f) => [f.name, f.ruleId] as const))('fault %s is caught as %s', async (name, ruleId) => {
    const special = OBSERVED_AS[name];
    const run = await runAgainstMock([name], await caseArgs(ruleId, special?.args), special?.env ?? {});
    expect(run.exitCode).toBe(special?.exitCode ?? 1);
    expect(failedRules(run.model)).toEqual(expect.arrayContaining(special?.rules ?? [ruleId]));
    if (special?.throttled === true) expect(run.model.throttling?.notExercised.length).toBeGreaterThan(0);
  });
}
