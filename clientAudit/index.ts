// The caller's audit: what a merchant's client sends and reads, judged by the client rules (CLIENT-*,
// facts §10). Passive: `mock --audit DIR` (passiveAudit). Active: `audit-client -- COMMAND` (auditClient).
export { auditClient, slowHoldMs } from './auditClient';
export type { AuditClientOptions, AuditClientResult } from './auditClient';
export { CLIENT_REPORT_FILES, clientRules } from './clientReports';
export { DRIVER_ENV } from './runScenario';
export { SCENARIOS, isScenarioName } from './scenarios';
export type { Scenario } from './scenarios';
export { passiveAudit } from './passiveAudit';
export type { PassiveAudit } from './passiveAudit';
export type { CallerProfile } from './judgeRequest';
export { callerOf } from './callerOf';
export { scenarioOrder } from './scenarioOrder';
export { mayBeUnexercised } from './clientCoverage';
