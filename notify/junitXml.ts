import { FAILURE_TAG } from '../checks';
import type { CaseResult } from './runNotifySuite';

const xml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // XML 1.0 cannot carry most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The receiver suite as JUnit: one testcase per case (stable names), `time` the receiver's latency,
 * properties rule, seed and latency_ms as the create suite's testcases carry rule and seed.
 */
export function junitXml(
  results: readonly Pick<CaseResult, 'title' | 'ruleId' | 'latencyMs' | 'records' | 'failed'>[],
  seed: number,
  suiteName: string,
  runName = 'payscore-conformance notify',
): string {
  const failures = results.filter((r) => r.failed).length;
  const seconds = (ms: number): string => (ms / 1000).toFixed(3);
  const total = results.reduce((sum, r) => sum + r.latencyMs, 0);
  const cases = results.map((r) => {
    const props = [
      ['rule', r.ruleId],
      ['seed', String(seed)],
      ['latency_ms', String(r.latencyMs)],
    ]
      .map(([n, v]) => `        <property name="${n}" value="${xml(v ?? '')}"/>`)
      .join('\n');
    const failed = r.records.filter((rec) => rec.verdict === 'failed');
    const failure =
      failed.length === 0
        ? ''
        : `\n      <failure message="${xml(failed.map((f) => f.ruleId).join(', '))}">${xml(failed.map((f) => f.detail ?? '').join('\n\n'))}</failure>`;
    const notes = r.records.flatMap((rec) =>
      rec.verdict === 'warning' || rec.verdict === 'informational'
        ? [`${FAILURE_TAG[rec.verdict]}: ${rec.detail ?? rec.ruleId}`]
        : [],
    );
    const out = notes.length === 0 ? '' : `\n      <system-out>${xml(notes.join('\n\n'))}</system-out>`;
    return `    <testcase classname="${xml(suiteName)}" name="${xml(r.title)}" time="${seconds(r.latencyMs)}">\n      <properties>\n${props}\n      </properties>${failure}${out}\n    </testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="${xml(runName)}" tests="${results.length}" failures="${failures}" errors="0" time="${seconds(total)}">
  <testsuite name="${xml(suiteName)}" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${seconds(total)}">
${cases.join('\n')}
  </testsuite>
</testsuites>
`;
}
