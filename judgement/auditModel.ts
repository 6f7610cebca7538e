import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { worseVerdict, type JudgedVerdict, type Verdict } from './verdict';
import { ruleCatalogue, type Basis, type Rule } from '../specification';
import type { EvidenceRecord, RunRecord } from './evidence';
import type { Provenance } from './provenance';
import { ruleArea, RULE_AREAS, type RuleArea } from './ruleArea';
import type { Throttling } from './throttling';

export const REPORT_TITLE = 'PayScore create-order conformance report';
export const REFERENCE_NAME = 'the bundled reference mock';

/** One failure of a rule and how to reproduce it. */
export interface RuleReproduction {
  /** Rendered failure: rule, what broke, seed/path, replay command, curl, signed string. */
  detail: string;
  test: string;
  /** Case file relative to the reports folder, for `payscore-conformance replay`. */
  caseFile?: string;
}

export interface RuleRow {
  id: string;
  basis: Basis;
  area: RuleArea;
  text: string;
  verdict: Verdict;
  tests: string[];
  /** Exchanges that judged this rule, and how many of them broke it. */
  exchanges: { judged: number; failed: number };
  /** Rendered failures (rule, seed/path, curl) for failed, warned and informational rules. */
  reproductions: string[];
  failures: RuleReproduction[];
}

export type Summary = Record<
  'rules' | 'covered' | 'passed' | 'failed' | 'warnings' | 'informational' | 'notExercised',
  number
>;

export interface AuditModel {
  /** The report's heading (REPORT_TITLE when absent) and what a `targetKind: 'mock'` target is called. */
  title?: string;
  referenceName?: string;
  target: string;
  targetKind: 'mock' | 'foreign';
  seed: number;
  runs: number;
  generatedAt: string;
  provenance: Provenance;
  summary: Summary;
  byBasis: Record<Basis, Summary>;
  areas: RuleArea[];
  rows: RuleRow[];
  /** Present when the target answered 429: what waiting it out cost, and the tests it left not exercised. */
  throttling?: Throttling;
}

/** Every evidence record the suites wrote under `dir` (one JSONL file per suite file). */
export function readEvidence(dir: string): EvidenceRecord[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => withCurrentVerdict(JSON.parse(l) as EvidenceRecord))
        // Stable: the records of one test keep their order; records without `order` (earlier runs) keep the file's.
        .sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
    );
}

/** Evidence written by 0.1.0 before the one Verdict union said fail / warn / info: `report merge` still reads it. */
const EARLIER_VERDICTS: Record<string, JudgedVerdict> = { fail: 'failed', warn: 'warning', info: 'informational' };
const withCurrentVerdict = (r: EvidenceRecord): EvidenceRecord => ({
  ...r,
  verdict: EARLIER_VERDICTS[r.verdict] ?? r.verdict,
});

/** The run record globalSetup wrote under `dir`, if any. */
export function readRunRecord(dir: string): RunRecord | undefined {
  const file = join(dir, 'run.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunRecord) : undefined;
}

function summarise(rows: RuleRow[]): Summary {
  const count = (v: Verdict): number => rows.filter((r) => r.verdict === v).length;
  return {
    rules: rows.length,
    covered: rows.length - count('not exercised'),
    passed: count('passed'),
    failed: count('failed'),
    warnings: count('warning'),
    informational: count('informational'),
    notExercised: count('not exercised'),
  };
}

function rowOf(rule: Rule, mine: EvidenceRecord[]): RuleRow {
  const worst = mine.reduce<JudgedVerdict | undefined>(
    (w, r) => (w === undefined ? r.verdict : worseVerdict(w, r.verdict)),
    undefined,
  );
  const failures = new Map<string, RuleReproduction>();
  for (const r of mine) {
    if (r.verdict === 'passed' || r.detail === undefined || failures.has(r.detail)) continue;
    failures.set(r.detail, {
      detail: r.detail,
      test: r.testTitle,
      ...(r.caseFile === undefined ? {} : { caseFile: r.caseFile }),
    });
  }
  return {
    id: rule.id,
    basis: rule.basis,
    area: ruleArea(rule),
    text: rule.text,
    verdict: worst ?? 'not exercised',
    tests: [...new Set(mine.map((r) => r.testTitle))],
    exchanges: {
      judged: mine.reduce((n, r) => n + r.exchanges, 0),
      // A failing record that did not count its exchanges broke the rule at least once.
      failed: mine.reduce((n, r) => n + (r.failedExchanges ?? (r.verdict === 'passed' ? 0 : 1)), 0),
    },
    reproductions: [...failures.keys()],
    failures: [...failures.values()],
  };
}

/**
 * The rules the create suite's report lists: all but the receiver rules, which `notify` reports on its own, and
 * the client rules, which `mock --audit` and `audit-client` report on their own (a server run judges no caller).
 */
export const createSuiteRules = (): Rule[] =>
  ruleCatalogue().filter((r) => r.enforcement !== 'receiver' && r.enforcement !== 'client');

/** The report's heading and what it calls the reference target, when not the create suite's. */
export interface ReportLabels {
  title?: string;
  referenceName?: string;
}

/** The auditor's view: every rule of the catalogue (or of `rules`), grouped by area, with its basis, evidence and verdict. */
export function buildAuditModel(
  records: EvidenceRecord[],
  provenance: Provenance,
  rules: Rule[] = createSuiteRules(),
  labels: ReportLabels = {},
): AuditModel {
  const rows = rules
    .map((rule) =>
      rowOf(
        rule,
        records.filter((r) => r.ruleId === rule.id),
      ),
    )
    .sort((a, b) => RULE_AREAS.indexOf(a.area) - RULE_AREAS.indexOf(b.area));
  const bases: Basis[] = ['SEED', 'SIBLING', 'DECISION'];
  return {
    ...labels,
    target: provenance.target.description,
    targetKind: provenance.target.kind,
    seed: provenance.seed,
    runs: provenance.runs,
    generatedAt: provenance.finishedAt,
    provenance,
    summary: summarise(rows),
    byBasis: Object.fromEntries(bases.map((b) => [b, summarise(rows.filter((r) => r.basis === b))])) as Record<
      Basis,
      Summary
    >,
    areas: RULE_AREAS.filter((a) => rows.some((r) => r.area === a)),
    rows,
  };
}
