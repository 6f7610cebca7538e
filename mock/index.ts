// The reference mock server: public entry.
export { createMockServer } from './server';
export type { MockServer } from './server';
export type { MockConfig, PlatformKey, MockLogger } from './config';
export { createClock } from './clock';
export type { Clock } from './clock';
export { FAULTS, faultCatalogue, isFaultName } from './faults';
export { READINGS, readingCatalogue, isReadingName } from './readings';
export type { ReadingName, ReadingInfo } from './readings';
export type { FaultName, FaultInfo } from './faults';
export { createMockWithFreshKeys } from './freshMock';
export type { FreshMock, FreshMockKeys, FreshMockOptions } from './freshMock';
export { startStandaloneMock } from './standalone';
export { DEFAULT_HELPER_NICE, MAX_HELPER_NICE, lowerHelperThreadPriority } from './helperThreadPriority';
export type { HelperPriority } from './helperThreadPriority';
export type { StandaloneMock, StandaloneOptions } from './standalone';
export { sqliteOrderStore, createOrderBook, EXPIRY_MS } from './store';
export type { OrderStore, StoredOrder, OrderKey, OrderBook } from './store';
export type { MockControl, OrderRef, PutOrderInput } from './control';
export { controlClient, controlUrlOf } from './control';
export type { DeliveryRecord } from './callbacks';
export {
  certificateValidFor,
  generateKeyMaterial,
  buildProfile,
  configFromMaterial,
  loadOrInitDataDir,
  writeProfile,
  DATA_FILES,
  PROFILE_DEFAULTS,
} from './keys';
export { mockRequest, parseRawAnswer, rawExchange, validBody } from './testing';
export type { MockRequestOptions, MockResponse, RawAnswer, RawExchangeOptions } from './testing';
export type { KeyMaterial, KeyMode, MockProfile } from './keys';
export { BODY_LIMITS } from './handlers';
export { HTTP_TIMEOUTS } from './protocolAnswers';
export { announceWorker, isMockWorker, leaveWorkerPool, runWorkerPool, workerCount } from './workerPool';
export type { WorkerPoolOptions } from './workerPool';
