// The receiver suite's cases, one file per area: deliveries, signatures, encryption. Each is a
// NotificationCase, built by a CaseBuilder from the kit and the orders.
export { deliveryCases } from './deliveryCases';
export { encryptionCases } from './encryptionCases';
export { signatureCases } from './signatureCases';
export type { CaseBuilder, NotificationCase } from './notificationCase';
