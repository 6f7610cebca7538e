// The auditor report: every rule of the catalogue with its basis, evidence and verdict.
export {
  buildAuditModel,
  readEvidence,
  readRunRecord,
  createSuiteRules,
  REPORT_TITLE,
  REFERENCE_NAME,
} from './auditModel';
export type { AuditModel, ReportLabels, RuleRow, RuleReproduction, Summary } from './auditModel';
export type { EvidenceRecord, RunRecord } from './evidence';
export { readThrottling, throttlingSentence, THROTTLING_FILE } from './throttling';
export type { Throttling } from './throttling';
export { provenanceOf, sha256 } from './provenance';
export type { Provenance, RunProvenance } from './provenance';
export { ruleArea, RULE_AREAS } from './ruleArea';
export type { RuleArea } from './ruleArea';
export { renderMarkdown } from './renderMarkdown';
export { renderHtml } from './renderHtml';
export { writeAuditReport, AUDIT_REPORT_FILES } from './writeAuditReport';
export { writeManifest, MANIFEST_FILE } from './writeManifest';
export type { Manifest } from './writeManifest';
export { reportSchemaProblems, REPORT_SCHEMA_PATH } from './reportSchema';
export { mergeReports, JUNIT_FILE } from './mergeReports';
export { mergeJunit } from './mergeJunit';
