import { join } from 'node:path';
import { buildAuditModel, readEvidence, readRunRecord, type AuditModel } from './auditModel';
import { provenanceOf, type RunProvenance } from './provenance';
import { readThrottling } from './throttling';
import { writeReportFiles } from './reportFiles';
import { writeManifest } from './writeManifest';

/** Report file names are public: CI jobs archive them. */
export const AUDIT_REPORT_FILES = {
  html: 'conformance-report.html',
  markdown: 'conformance-report.md',
  json: 'conformance-report.json',
} as const;

/**
 * Reads the evidence the suites left in each `<dir>/evidence` (one folder, or the shards of one run),
 * writes the three report files into `reportsDir`, then reports/manifest.json over everything there.
 */
export function writeAuditReport(
  reportsDir: string,
  run: RunProvenance,
  evidenceFrom: string[] = [reportsDir],
): AuditModel {
  const evidence = evidenceFrom.map((d) => join(d, 'evidence'));
  const records = evidence.flatMap(readEvidence);
  const runs = evidence.flatMap((d) => readRunRecord(d) ?? []);
  const throttling = readThrottling(evidence);
  const model: AuditModel = {
    ...buildAuditModel(records, provenanceOf(runs, run)),
    ...(throttling.answers > 0 ? { throttling } : {}),
  };
  writeReportFiles(reportsDir, AUDIT_REPORT_FILES, model);
  writeManifest(reportsDir);
  return model;
}
