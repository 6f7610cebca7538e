// The reference mock server: public entry. It exports what other folders' product code uses; tests
// reach the rest, and the test kits, through mock/testing.
export type { FaultName } from './faults';
export { faultCatalogue, isFaultName } from './faults';
export type { ReadingName } from './readings';
export { readingCatalogue, isReadingName } from './readings';
export { createClock } from './store';
export type { FreshMock } from './freshMock';
export { createMockWithFreshKeys } from './freshMock';
export { startStandaloneMock } from './standalone';
export type { StandaloneMock, StandaloneOptions } from './standalone';
export { DEFAULT_HELPER_NICE, MAX_HELPER_NICE, lowerHelperThreadPriority } from './helperThreadPriority';
export { EXPIRY_MS } from './store';
export { controlClient, controlUrlOf } from './control';
export { certificateValidFor, configFromMaterial, generateKeyMaterial, PROFILE_DEFAULTS } from './keys';
export type { KeyMaterial, KeyMode } from './keys';
export { strangerRsaPair, TEST_KEY_POOL_ENV } from './keys';
export { BODY_LIMITS, canonicalJson, ruleOfMessage } from './handlers';
export { HTTP_TIMEOUTS } from './protocolAnswers';
export { loadOrInitDataDir, writeProfile } from './keys';
export { AUDIT_CONTROL_PATH } from './wireTap';
export type { TappedAnswer, TappedRequest, WireTap } from './wireTap';
export type { Latency } from './config';
export { announceWorker, isMockWorker, leaveWorkerPool, runWorkerPool, workerCount } from './workerPool';
