import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditModel } from './auditModel';
import { renderHtml } from './renderHtml';
import { renderMarkdown } from './renderMarkdown';

/** The public names of one audit's report files (CI archives them); each audit has its own, none shared. */
export interface ReportFileNames {
  html: string;
  markdown: string;
  json: string;
  junit?: string;
}

/** A report as JSON, as every report file of ours is written: two-space indent, a final newline. */
export const reportJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The one place an auditor report becomes files: HTML, Markdown and JSON of the model, and the audit's JUnit
 * when it writes its own (the server suites' comes from jest-junit). Every audit writes its report here.
 */
export function writeReportFiles(dir: string, names: ReportFileNames, model: AuditModel, junit?: string): void {
  mkdirSync(dir, { recursive: true });
  if (names.junit !== undefined && junit !== undefined) writeFileSync(join(dir, names.junit), junit);
  writeFileSync(join(dir, names.html), renderHtml(model));
  writeFileSync(join(dir, names.markdown), renderMarkdown(model));
  writeFileSync(join(dir, names.json), reportJson(model));
}
