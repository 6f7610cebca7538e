import { REPORT_TITLE, type AuditModel } from './auditModel';
import { provenanceLines } from './provenanceLines';
import { mdCell, mdTable } from './markdown';
import { throttlingSentence } from './throttling';

/** The auditor report as Markdown: provenance, summary by basis, the rules by area, then every reproduction. */
export function renderMarkdown(model: AuditModel): string {
  const s = model.summary;
  const lines = [
    `# ${model.title ?? REPORT_TITLE}`,
    '',
    ...provenanceLines(model.provenance, model.referenceName).map(([k, v]) => `- **${k}:** \`${v}\``),
    '',
    `**${s.rules} rules: ${s.covered} covered, ${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings, ${s.informational} informational, ${s.notExercised} not exercised.**`,
    ...[throttlingSentence(model.throttling)].flatMap((t) => (t === undefined ? [] : ['', `**Throttling:** ${t}.`])),
    ...(model.throttling?.notExercised ?? []).map((title) => `- not exercised (throttled): ${title}`),
    '',
    ...mdTable(
      ['basis', 'rules', 'passed', 'failed', 'warnings', 'informational', 'not exercised'],
      Object.entries(model.byBasis).map(([b, x]) =>
        [b, x.rules, x.passed, x.failed, x.warnings, x.informational, x.notExercised].map(String),
      ),
    ),
  ];
  for (const area of model.areas) {
    lines.push(
      '',
      `## ${area}`,
      '',
      ...mdTable(
        ['rule', 'basis', 'verdict', 'exchanges judged / failed', 'rule text'],
        model.rows
          .filter((x) => x.area === area)
          .map((r) => [r.id, r.basis, r.verdict, `${r.exchanges.judged} / ${r.exchanges.failed}`, mdCell(r.text)]),
      ),
    );
  }
  const failing = model.rows.filter((r) => r.failures.length > 0);
  if (failing.length > 0) {
    lines.push('', '## Reproductions', '');
    for (const r of failing) {
      lines.push(`### ${r.id} — ${r.verdict}`, '');
      for (const f of r.failures)
        lines.push(
          `- test: ${f.test}${f.caseFile === undefined ? '' : ` — case file \`${f.caseFile}\``}`,
          '',
          '```text',
          f.detail,
          '```',
          '',
        );
    }
  }
  return `${lines.join('\n')}\n`;
}
