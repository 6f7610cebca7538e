// Test support other folders' tests and benches may use: running the suites against the mock with faults.
export { failedRules, runAgainstMock, runCliAgainstMock } from '../selftest/runAgainstMock';
export type { SelfTestRun } from '../selftest/runAgainstMock';
export { OBSERVED_AS } from '../selftest/observedAs';
