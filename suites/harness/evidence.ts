import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { JudgedVerdict } from '../../checks';
import { evidenceDir, type RunOptions } from './runOptions';

/** One judged rule in one test: what the auditor report is built from. */
export interface EvidenceRecord {
  /** The rule the test is titled with. */
  testRuleId: string;
  testTitle: string;
  suite: string;
  /** The rule this record is about (a test may find another rule broken, e.g. RESP-SIGNED). */
  ruleId: string;
  verdict: JudgedVerdict;
  /** Exchanges the test judged. */
  exchanges: number;
  /** Of those, the exchanges that broke this rule (absent: none, or not counted). */
  failedExchanges?: number;
  seed?: number;
  path?: string;
  /** Rendered failure with its curl reproduction, for failed / warned / informational records. */
  detail?: string;
  /** The case file of that failure, relative to the reports folder (`payscore-conformance replay` reads it). */
  caseFile?: string;
}

/** What a run was pointed at: written once per run (per shard) next to the evidence. Never key material. */
export interface RunRecord {
  seed: number;
  runs: number;
  target: { url: string; kind: 'mock' | 'foreign'; description: string };
  keyIds: { mchid: string; merchantSerialNo: string; platformSerial: string };
  shard?: { index: number; count: number };
}

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
