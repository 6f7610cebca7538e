import { REFERENCE_NAME, REPORT_TITLE, type AuditModel } from './auditModel';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The auditor report as Markdown: summary, then one row per rule, then every reproduction. */
export function renderMarkdown(model: AuditModel): string {
  const s = model.summary;
  const lines = [
    `# ${model.title ?? REPORT_TITLE}`,
    '',
    `Target: ${model.target} (${model.targetKind === 'mock' ? `${model.referenceName ?? REFERENCE_NAME}: DECISION rules asserted` : 'foreign: DECISION rules informational'})  `,
    `Seed: ${model.seed}, property runs: ${model.runs}, generated ${model.generatedAt}`,
    '',
    `**${s.rules} rules: ${s.covered} covered, ${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings, ${s.informational} informational, ${s.notExercised} not exercised.**`,
    '',
    '| rule | basis | verdict | tests | rule text |',
    '|---|---|---|---|---|',
    ...model.rows.map((r) => `| ${r.id} | ${r.basis} | ${r.verdict} | ${r.tests.length} | ${cell(r.text)} |`),
  ];
  const failing = model.rows.filter((r) => r.reproductions.length > 0);
  if (failing.length > 0) {
    lines.push('', '## Reproductions', '');
    for (const r of failing) {
      lines.push(`### ${r.id} — ${r.verdict}`, '', ...r.tests.map((t) => `- test: ${t}`), '');
      for (const detail of r.reproductions) lines.push('```text', detail, '```', '');
    }
  }
  return `${lines.join('\n')}\n`;
}
