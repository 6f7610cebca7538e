// The receiver suite: sends a notify_url the whole range of genuine and hostile notifications and
// judges every answer by receiver rule (RECV-*), with JUnit and the auditor report.
export { runNotifySuite, notifyCases, NOTIFY_SUITE } from './runNotifySuite';
export type { CaseResult, NotifyRunOptions } from './runNotifySuite';
export { writeNotifyReports, receiverRules, NOTIFY_REPORT_FILES } from './writeNotifyReports';
export type { NotifyReportMeta } from './writeNotifyReports';
export { notifyKit } from './notifyKit';
export type { Delivery, NotifyKit, Signer } from './notifyKit';
export { orderResources, RANDOM_ORDERS } from './orderResources';
export type { OrderResource } from './orderResources';
export { postNotification } from './postNotification';
export type { ReceiverAnswerSeen } from './postNotification';
export type { NotificationCase } from './cases';
