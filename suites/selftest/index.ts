// The self-tests' kit, for the other folders' tests and benches (through suites/testing): a whole CLI run
// against the embedded mock, with faults or readings switched on, and how each fault is observed.
export { failedRules, runAgainstMock, runCliAgainstMock } from './runAgainstMock';
export type { SelfTestRun } from './runAgainstMock';
export { OBSERVED_AS } from './observedAs';
