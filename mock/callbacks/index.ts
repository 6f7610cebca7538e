export { createCallbackDispatcher } from './callbackDispatcher';
export type { CallbackDispatcher, CallbackOptions, DeliveryRecord } from './callbackDispatcher';
