// The harness the suites share: options, target, judging, evidence.
export {
  runOptions,
  runOptionsFromEnv,
  publishRunOptions,
  evidenceDir,
  ENV,
  RUN_OPTIONS_ENV,
  DEFAULT_SEED,
  DEFAULT_RUNS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_CONCURRENCY,
  DEFAULT_THROTTLE_BUDGET_MS,
} from './runOptions';
export type { RunOptions } from './runOptions';
export { isThrottled } from './throttledClient';
export { openTarget, constraintsOf, TargetConfigError, RACE_WIDTH } from './target';
export type { TargetHandle } from './target';
export { judge, ruleTitle } from './judge';
export type { JudgedExchange, TestOutcome } from './judge';
export { recordEvidence, recordRun, RUN_RECORD_FILE } from './recordEvidence';
export { ruleTest } from './ruleTest';
export { nextOrderCounter } from './orderCounter';
export { sampleValid, sampleValidFor } from './sampleValid';
export { control, hasControl } from './targetControl';
export { faultsFromEnv, readingsFromEnv } from './mockFaults';
export { writeCaseFile, readCaseFile, casesDir, CaseFileError, CASE_FORMAT } from './caseFile';
export type { CaseFile, CaseReproduction } from './caseFile';
export { SAMPLE, SampleRange, checkedSampleIndices } from './sampleIndices';
export type { SampleAllocation } from './sampleIndices';
export { default as globalSetup, stopEmbeddedMock } from './globalSetup';
