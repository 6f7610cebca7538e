// The one judgement core of every audit: a finding, its verdict, the evidence record, the auditor report
// (every rule of the catalogue with its basis, evidence and verdict), its renderers and the JUnit writer.
export { findingOf, isBroken } from './finding';
export type { BrokenFinding, Evidence, Finding } from './finding';
export { FOREIGN_PARTY, verdictOf, worstVerdict } from './verdictOf';
export type { JudgedParty, TargetKind } from './verdictOf';
export { FAILURE_TAG, VERDICTS, worseVerdict } from './verdict';
export type { FailureVerdict, JudgedVerdict, Verdict } from './verdict';
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
export { junitXml, mergeJunit, readTestcases } from './junit';
export { caseJunit } from './caseJunit';
export type { JudgedCase } from './caseJunit';
export type { JunitCase, JunitSuite } from './junit';
export { groupAlike } from './moreLikeIt';
export type { RenderedFailure } from './moreLikeIt';
export { writeReportFiles, reportJson } from './reportFiles';
export type { ReportFileNames } from './reportFiles';
export { mdCell, mdList, mdTable } from './markdown';
