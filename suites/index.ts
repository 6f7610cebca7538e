// The conformance run as the CLI sees it: its options, the Jest run, and the project configuration.
export { runConformance, JUNIT_FILE } from './runConformance';
export type { ConformanceRun } from './runConformance';
export { conformanceProject, junitReporter, onlyPattern, SUITE_NAMES, SWC_TRANSFORM } from './conformanceJestConfig';
export {
  runOptions,
  runOptionsFromEnv,
  evidenceDir,
  ENV,
  DEFAULT_SEED,
  DEFAULT_RUNS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_CONCURRENCY,
  DEFAULT_THROTTLE_BUDGET_MS,
} from './harness';
export type { RunOptions } from './harness';
export { replayCase } from './replayCase';
export type { ReplayOptions, ReplayResult } from './replayCase';
export { readCaseFile, writeCaseFile, CaseFileError, CASE_FORMAT } from './harness';
export type { CaseFile } from './harness';
