// What a conformance run leaves for the auditor report: written by suites/ and notify/, read here.
import type { JudgedVerdict } from './verdict';
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
  /** The test's place in its suite file: tests run together finish in any order, the report lists them in this one. */
  order?: number;
}

/** What a run was pointed at: written once per run (per shard) next to the evidence. Never key material. */
export interface RunRecord {
  seed: number;
  runs: number;
  target: { url: string; kind: 'mock' | 'foreign'; description: string };
  keyIds: { mchid: string; merchantSerialNo: string; platformSerial: string };
  /** How the target's TLS was verified, in plain words (e.g. "system CAs", "TLS NOT verified (tls.insecure: true)"). */
  tls?: string;
  shard?: { index: number; count: number };
}
