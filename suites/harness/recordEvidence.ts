import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EvidenceRecord, RunRecord } from '../../judgement';
import { evidenceDir, type RunOptions } from './runOptions';

export const RUN_RECORD_FILE = 'run.json';

/** Appends records to reports/evidence/<suite>.jsonl (one file per suite file, so workers never share one). */
export function recordEvidence(options: RunOptions, suiteFile: string, records: EvidenceRecord[]): void {
  if (records.length === 0) return;
  const dir = evidenceDir(options);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${basename(suiteFile).replace(/\.suite\.[jt]s$/, '')}.jsonl`);
  appendFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

/** Writes reports/evidence/run.json (globalSetup, once the target is known). */
export function recordRun(options: RunOptions, record: RunRecord): void {
  const dir = evidenceDir(options);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, RUN_RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
}
