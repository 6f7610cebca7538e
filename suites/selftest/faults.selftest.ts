import { faultCases } from './faultSelfTest';
import { cleanRun } from './ruleSuites';
import { failedRules } from './runAgainstMock';

// The suites must be able to fail: against the clean mock they pass; against every built-in fault of
// the mock they fail and name the rule the fault breaks (half of the faults here, half in
// faults.part2.selftest.ts).

// Each case runs the whole conformance run in a child process (~4-6 s).
jest.setTimeout(240_000);

describe('self-test: the suites catch every fault of the mock', () => {
  it('passes against the clean mock', async () => {
    const { run } = await cleanRun();
    expect(failedRules(run.model)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.model.summary.passed).toBeGreaterThan(80);
  });

  faultCases(1, 2);
});
