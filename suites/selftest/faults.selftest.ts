import { faultCatalogue } from '../../mock';
import { OBSERVED_AS } from './observedAs';
import { failedRules, runAgainstMock } from './runAgainstMock';

// The suites must be able to fail: against the clean mock they pass; against every built-in fault of
// the mock they fail and name the rule the fault breaks. A fault that goes uncaught fails here.

// Each case runs the whole conformance run in a child process (~5-8 s).
jest.setTimeout(240_000);

describe('self-test: the suites catch every fault of the mock', () => {
  it('passes against the clean mock', async () => {
    const run = await runAgainstMock([]);
    expect(failedRules(run.model)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.model.summary.passed).toBeGreaterThan(80);
  });

  it.each(faultCatalogue().map((f) => [f.name, f.ruleId] as const))(
    'fault %s is caught as %s',
    async (name, ruleId) => {
      const special = OBSERVED_AS[name];
      const run = await runAgainstMock([name], special?.args ?? [], special?.env ?? {});
      expect(run.exitCode).toBe(special?.exitCode ?? 1);
      expect(failedRules(run.model)).toEqual(expect.arrayContaining(special?.rules ?? [ruleId]));
      if (special?.throttled === true) expect(run.model.throttling?.notExercised.length).toBeGreaterThan(0);
    },
  );
});
