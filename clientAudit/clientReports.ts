import {
  buildAuditModel,
  caseJunit,
  FOREIGN_PARTY,
  isBroken,
  verdictOf,
  worstVerdict,
  type Finding,
  provenanceOf,
  writeReportFiles,
  type AuditModel,
  type EvidenceRecord,
} from '../judgement';

import { rule, ruleCatalogue } from '../specification';

/** Report file names are public (CI archives them); distinct from every other report, never overwriting them. */
export const CLIENT_REPORT_FILES = {
  junit: 'junit-client.xml',
  html: 'client-report.html',
  markdown: 'client-report.md',
  json: 'client-report.json',
} as const;

export const CLIENT_SUITE = 'client-audit';

/** The client rules (enforcement client): what a caller owes WeChat Pay, facts §10. */
export const clientRules = () => ruleCatalogue().filter((r) => r.enforcement === 'client');

/** One test of the client report: a run of the command in a scenario, or one request of a passive session. */
export interface ClientCase {
  title: string;
  /** The rule the case is about (JUnit property rule). */
  ruleId: string;
  /** Every finding, one per rule per judged exchange, with where it was seen. */
  findings: Array<Finding & { where: string }>;
  /** Lines an auditor needs to reproduce a failure: the replay command, the command's output. */
  context: string[];
  latencyMs: number;
  /**
   * Per rule, the exchanges this case stands for when it is an example of many (mock --audit keeps examples,
   * not every request): the report's counts then stay those of the whole session.
   */
  counted?: Record<string, { judged: number; failed: number }>;
}

/** The case's findings as evidence records, one per rule, worst first within a rule. */
export function caseRecords(c: ClientCase, seed: number | undefined): EvidenceRecord[] {
  const rules = [...new Set(c.findings.map((f) => f.ruleId))];
  return rules.map((ruleId) => {
    const mine = c.findings.filter((f) => f.ruleId === ruleId);
    const broken = mine.filter(isBroken);
    const failing = broken.filter((f) => verdictOf(f, FOREIGN_PARTY) === 'failed');
    const verdict = worstVerdict(mine, FOREIGN_PARTY);
    const r = rule(ruleId);
    const detail =
      broken.length === 0
        ? undefined
        : [
            `${ruleId} [${r.basis}] ${verdict} — ${c.title}`,
            `  rule: ${r.text}`,
            ...broken.slice(0, 5).map((f) => `  what: ${f.where ?? ''}: ${f.seen}`),
            ...c.context.map((l) => `  ${l}`),
          ].join('\n');
    return {
      testRuleId: c.ruleId,
      testTitle: c.title,
      suite: CLIENT_SUITE,
      ruleId,
      verdict,
      exchanges: c.counted?.[ruleId]?.judged ?? mine.length,
      failedExchanges: c.counted?.[ruleId]?.failed ?? failing.length,
      ...(seed === undefined ? {} : { seed }),
      ...(detail === undefined ? {} : { detail }),
    };
  });
}

export interface ClientReportMeta {
  /** The mock's URL (the first run's, for audit-client) and how the report names the caller. */
  url: string;
  target: string;
  seed: number;
  mchid: string;
  merchantSerialNo: string;
  platformSerial: string;
  startedAt: string;
  commandLine: string[];
}

/** JUnit and the auditor report (every client rule, its evidence and verdict) into `dir`. */
export function writeClientReports(dir: string, cases: readonly ClientCase[], meta: ClientReportMeta): AuditModel {
  const results = cases.map((c) => {
    const records = caseRecords(c, meta.seed);
    return { ...c, records, failed: records.some((r) => r.verdict === 'failed') };
  });
  const provenance = provenanceOf(
    [
      {
        seed: meta.seed,
        runs: Math.max(1, cases.length),
        target: { url: meta.url, kind: 'foreign', description: meta.target },
        keyIds: { mchid: meta.mchid, merchantSerialNo: meta.merchantSerialNo, platformSerial: meta.platformSerial },
      },
    ],
    { startedAt: meta.startedAt, finishedAt: new Date().toISOString(), commandLine: meta.commandLine },
  );
  const model = buildAuditModel(
    results.flatMap((r) => r.records),
    provenance,
    clientRules(),
    { title: "PayScore create-order caller's audit (client report)", referenceName: 'the reference driver' },
  );
  writeReportFiles(
    dir,
    CLIENT_REPORT_FILES,
    model,
    caseJunit(results, meta.seed, CLIENT_SUITE, 'payscore-conformance client audit'),
  );
  return model;
}
