// The auditor report: every rule of the catalogue with its basis, evidence and verdict.
export { buildAuditModel, readEvidence, createSuiteRules } from './auditModel';
export type { AuditModel, RuleRow, RuleVerdict } from './auditModel';
export { renderMarkdown } from './renderMarkdown';
export { renderHtml } from './renderHtml';
export { writeAuditReport, AUDIT_REPORT_FILES } from './writeAuditReport';
