import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleCatalogue, type Basis, type Rule } from '../spec';
import type { EvidenceRecord } from '../suites/harness/evidence';

export const REPORT_TITLE = 'PayScore create-order conformance report';
export const REFERENCE_NAME = 'the bundled reference mock';

export type RuleVerdict = 'passed' | 'failed' | 'warning' | 'informational' | 'not exercised';

export interface RuleRow {
  id: string;
  basis: Basis;
  text: string;
  verdict: RuleVerdict;
  tests: string[];
  /** Rendered failures (rule, seed/path, curl) for failed, warned and informational rules. */
  reproductions: string[];
}

export interface AuditModel {
  /** The report's heading (REPORT_TITLE when absent) and what a `targetKind: 'mock'` target is called. */
  title?: string;
  referenceName?: string;
  target: string;
  targetKind: 'mock' | 'foreign';
  seed: number;
  runs: number;
  generatedAt: string;
  summary: Record<'rules' | 'covered' | 'passed' | 'failed' | 'warnings' | 'informational' | 'notExercised', number>;
  rows: RuleRow[];
}

/** Every evidence record the suites wrote under `dir` (one JSONL file per suite file). */
export function readEvidence(dir: string): EvidenceRecord[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as EvidenceRecord));
}

const RANK: Record<EvidenceRecord['verdict'], number> = { passed: 0, info: 1, warn: 2, fail: 3 };
const VERDICT: Record<EvidenceRecord['verdict'], RuleVerdict> = { passed: 'passed', info: 'informational', warn: 'warning', fail: 'failed' };

/** The rules the create suite's report lists: all but the receiver rules, which `notify` reports on its own. */
export const createSuiteRules = (): Rule[] => ruleCatalogue().filter((r) => r.enforcement !== 'receiver');

/** The auditor's view: every rule of the catalogue (or of `rules`) with its basis, the tests that exercised it and the verdict. */
export function buildAuditModel(records: EvidenceRecord[], meta: Omit<AuditModel, 'summary' | 'rows' | 'generatedAt'>, rules: Rule[] = createSuiteRules()): AuditModel {
  const rows: RuleRow[] = rules.map((rule) => {
    const mine = records.filter((r) => r.ruleId === rule.id);
    const worst = mine.reduce<EvidenceRecord['verdict'] | undefined>((w, r) => (w === undefined || RANK[r.verdict] > RANK[w] ? r.verdict : w), undefined);
    return {
      id: rule.id,
      basis: rule.basis,
      text: rule.text,
      verdict: worst === undefined ? 'not exercised' : VERDICT[worst],
      tests: [...new Set(mine.map((r) => r.testTitle))],
      reproductions: [...new Set(mine.filter((r) => r.verdict !== 'passed' && r.detail !== undefined).map((r) => r.detail as string))],
    };
  });
  const count = (v: RuleVerdict): number => rows.filter((r) => r.verdict === v).length;
  return {
    ...meta,
    generatedAt: new Date().toISOString(),
    summary: {
      rules: rows.length,
      covered: rows.length - count('not exercised'),
      passed: count('passed'),
      failed: count('failed'),
      warnings: count('warning'),
      informational: count('informational'),
      notExercised: count('not exercised'),
    },
    rows,
  };
}
