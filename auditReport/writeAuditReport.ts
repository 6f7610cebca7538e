import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAuditModel, readEvidence, type AuditModel } from './auditModel';
import { renderHtml } from './renderHtml';
import { renderMarkdown } from './renderMarkdown';

/** Report file names are public: CI jobs archive them. */
export const AUDIT_REPORT_FILES = { html: 'conformance-report.html', markdown: 'conformance-report.md', json: 'conformance-report.json' } as const;

/** Reads the evidence the suites left in `<reportsDir>/evidence` and writes the three report files. */
export function writeAuditReport(reportsDir: string, meta: Omit<AuditModel, 'summary' | 'rows' | 'generatedAt'>): AuditModel {
  const model = buildAuditModel(readEvidence(join(reportsDir, 'evidence')), meta);
  mkdirSync(reportsDir, { recursive: true });
  writeFileSync(join(reportsDir, AUDIT_REPORT_FILES.html), renderHtml(model));
  writeFileSync(join(reportsDir, AUDIT_REPORT_FILES.markdown), renderMarkdown(model));
  writeFileSync(join(reportsDir, AUDIT_REPORT_FILES.json), `${JSON.stringify(model, null, 2)}\n`);
  return model;
}
