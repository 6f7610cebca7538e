// Test support for the mock's own tests and for other folders' tests and benches against the mock:
// the kits, and the parts of the mock that only tests drive. Never re-exported from mock/index.ts.
export { expectStatus } from './expectStatus';
export { mockRequest } from './mockRequest';
export type { MockRequestOptions, MockResponse } from './mockRequest';
export { validBody } from '../../specification/testing';
export { withListeningMock } from './withListeningMock';
export { parseRawAnswer, rawExchange } from './rawExchange';
export type { RawAnswer, RawExchangeOptions } from './rawExchange';
export { dataDirCaller } from './dataDirCaller';
export { killNow, startStandaloneChild } from './standaloneChild';
export { tempDirs } from './tempDirs';
export { createMockWithFreshKeys } from '../freshMock';
export type { HelperPriority } from '../helperThreadPriority';
export { sqliteOrderStore } from '../store';
export type { OrderStore, StoredOrder } from '../store';
export { configFromMaterial, loadOrInitDataDir } from '../keys';
export type { KeyMaterial, MockProfile } from '../keys';
