export { createCallbackDispatcher } from './callbackDispatcher';
export type { CallbackDispatcher, CallbackOptions, DeliveryRecord } from './callbackDispatcher';
export { encryptResource } from './encryptResource';
export type { EncryptedResource } from './encryptResource';
export { notificationEnvelope, rfc3339China } from './notificationEnvelope';
export type { NotificationEnvelope, PayscoreEvent } from './notificationEnvelope';
export { RETRY_SCHEDULE_SECONDS, RECEIVER_TIMEOUT_MS } from './retrySchedule';
