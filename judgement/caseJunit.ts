import type { EvidenceRecord } from './evidence';
import { junitXml, type JunitCase } from './junit';
import { FAILURE_TAG } from './verdict';

/** A judged case as its JUnit testcase needs it: its records, and whether one of them failed. */
export interface JudgedCase {
  title: string;
  ruleId: string;
  latencyMs: number;
  records: readonly EvidenceRecord[];
  failed: boolean;
}

/**
 * The JUnit of the audits that judge cases themselves (the receiver suite, the caller's audit): one testcase
 * per case (stable names), `time` the target's latency, properties rule, seed and latency_ms as the server
 * suites' testcases carry rule and seed; failed records fail it, warnings and informational ones are notes.
 */
export function caseJunit(
  cases: readonly JudgedCase[],
  seed: number,
  suiteName: string,
  runName = 'payscore-conformance notify',
): string {
  const testcases = cases.map((c): JunitCase => {
    const failed = c.records.filter((rec) => rec.verdict === 'failed');
    const notes = c.records.flatMap((rec) =>
      rec.verdict === 'warning' || rec.verdict === 'informational'
        ? [`${FAILURE_TAG[rec.verdict]}: ${rec.detail ?? rec.ruleId}`]
        : [],
    );
    return {
      classname: suiteName,
      name: c.title,
      timeMs: c.latencyMs,
      properties: [
        ['rule', c.ruleId],
        ['seed', String(seed)],
        ['latency_ms', String(c.latencyMs)],
      ],
      ...(failed.length === 0
        ? {}
        : {
            failure: {
              message: failed.map((f) => f.ruleId).join(', '),
              text: failed.map((f) => f.detail ?? '').join('\n\n'),
            },
          }),
      out: notes.join('\n\n'),
    };
  });
  const timeMs = cases.reduce((sum, c) => sum + c.latencyMs, 0);
  return junitXml({ name: runName, timeMs, suites: [{ name: suiteName, cases: testcases, timeMs }] });
}
