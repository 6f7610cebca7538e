// The harness the suites share: options, target, judging, evidence.
export { runOptions, evidenceDir, ENV, DEFAULT_SEED, DEFAULT_RUNS, DEFAULT_TIMEOUT_MS } from './runOptions';
export type { RunOptions } from './runOptions';
export { openTarget, constraintsOf, TargetConfigError } from './target';
export type { TargetHandle } from './target';
export { judge, ruleTitle } from './judge';
export type { Judged, Judgement } from './judge';
export { recordEvidence } from './evidence';
export type { EvidenceRecord } from './evidence';
export { ruleTest, nextOrderCounter } from './ruleTest';
export { sampleValid, sampleValidFor } from './sampleValid';
export { SAMPLE, SampleRange, checkedSampleIndices } from './sampleIndices';
export type { SampleAllocation } from './sampleIndices';
export { control, hasControl, CONTROL_ENV } from './controlClient';
export { faultsFromEnv, FAULTS_ENV, readingsFromEnv, READINGS_ENV } from './mockFaults';
