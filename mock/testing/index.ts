// Test support for the mock's own tests (and for other folders' tests against the mock).
export { mockRequest } from './mockRequest';
export type { MockRequestOptions, MockResponse } from './mockRequest';
export { validBody } from './validBody';
export { withListeningMock } from './withListeningMock';
export { parseRawAnswer, rawExchange } from './rawExchange';
export type { RawAnswer, RawExchangeOptions } from './rawExchange';
export { dataDirCaller } from './dataDirCaller';
export { killNow, startStandaloneChild } from './standaloneChild';
export { tempDirs } from './tempDirs';
