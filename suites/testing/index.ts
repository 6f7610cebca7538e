// Test support other folders' tests and benches may use: running the suites against the mock with faults.
export { failedRules, OBSERVED_AS, runAgainstMock, runCliAgainstMock } from '../selftest';
export type { SelfTestRun } from '../selftest';
