import { appendFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { evidenceDir, type RunOptions } from './runOptions';

/** One judged rule in one test: what the auditor report is built from. */
export interface EvidenceRecord {
  /** The rule the test is titled with. */
  testRuleId: string;
  testTitle: string;
  suite: string;
  /** The rule this record is about (a test may find another rule broken, e.g. RESP-SIGNED). */
  ruleId: string;
  verdict: 'passed' | 'fail' | 'warn' | 'info';
  exchanges: number;
  seed?: number;
  path?: string;
  /** Rendered failure with its curl reproduction, for failed / warned / informational records. */
  detail?: string;
}

/** Appends records to reports/evidence/<suite>.jsonl (one file per suite file, so workers never share one). */
export function recordEvidence(options: RunOptions, suiteFile: string, records: EvidenceRecord[]): void {
  if (records.length === 0) return;
  const dir = evidenceDir(options);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${basename(suiteFile).replace(/\.suite\.ts$/, '')}.jsonl`);
  appendFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
