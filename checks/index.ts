// The checks: pure, named judgements of one recorded exchange, run through one registry.
export type { CaseExpectation, Check, CheckContext, CheckFailure, CheckOutcome } from './types';
export { HarnessError } from './harnessError';
export { CHECKS, CHECK_NAMES, runChecks } from './registry';
export type { CheckName } from './registry';
export { renderFailure, visibleSignedString } from './renderFailure';
export type { Reproduction } from './renderFailure';
export { DETAILED_ERROR_CODE } from './responseSchemaConformance';
