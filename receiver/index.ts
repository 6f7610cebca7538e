// The reference receiver: a conformant notify_url to read as a model and to run the receiver suite against.
// Values first, then types.
export { createReceiver, MAX_NOTIFICATION_BYTES } from './createReceiver';
export { judgeNotification } from './judgeNotification';
export { notificationLog } from './notificationLog';
export {
  loadOrInitReceiverDir,
  writeNotifyProfile,
  DEFAULT_RECEIVER_DATA_DIR,
  NOTIFY_PATH,
  RECEIVER_FILES,
} from './receiverDataDir';
export { RECEIVER_FAULTS, isReceiverFaultName, receiverFaultCatalogue } from './receiverFaults';
export { startReceiver } from './startReceiver';

export type { Receiver, ReceiverOptions } from './createReceiver';
export type { JudgeConfig, ReceiverDecision, ReceivedNotification, TrustedKey } from './judgeNotification';
export type { NotificationLog } from './notificationLog';
export type { ReceiverMaterial } from './receiverDataDir';
export type { ReceiverFaultName } from './receiverFaults';
export type { RunningReceiver, StartReceiverOptions } from './startReceiver';
