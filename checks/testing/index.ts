// Test support for the checks' tests: signed exchanges, check contexts and outcomes. Never re-exported
// from checks/index.ts.
export { MCHID, NOW_MS, PLATFORM_SERIAL, testKeys } from './testKeys';
export { okAnswer } from './okAnswer';
export { errorExchange, makeExchange } from './makeExchange';
export type { ExchangeOptions } from './makeExchange';
export { contextFor, failuresOf, rulesOf } from './contextFor';
export { validBody } from '../../specification/testing';
