import { REFERENCE_NAME, REPORT_TITLE, type AuditModel, type RuleVerdict } from './auditModel';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const COLOURS: Record<RuleVerdict, string> = {
  passed: '#1a7f37', failed: '#cf222e', warning: '#9a6700', informational: '#0969da', 'not exercised': '#6e7781',
};

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1f2328}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;vertical-align:top;text-align:left}th{background:#f6f8fa}
.v{font-weight:600;white-space:nowrap}.cards{display:flex;gap:.8rem;margin:1rem 0}.card{border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem}
.card b{display:block;font-size:1.6rem}pre{background:#f6f8fa;padding:.6rem;overflow-x:auto;white-space:pre-wrap}code{font-size:12px}`;

/** The auditor report as one self-contained HTML page (inline CSS, no scripts, no external assets). */
export function renderHtml(model: AuditModel): string {
  const s = model.summary;
  const card = (label: string, n: number, colour = '#1f2328'): string => `<div class="card" style="color:${colour}"><b>${n}</b>${esc(label)}</div>`;
  const rows = model.rows.map((r) => `<tr id="${esc(r.id)}"><td><code>${esc(r.id)}</code></td><td>${r.basis}</td>
<td class="v" style="color:${COLOURS[r.verdict]}">${r.verdict}</td><td>${esc(r.text)}</td>
<td>${r.tests.map((t) => esc(t)).join('<br>')}${r.reproductions.map((d) => `<details><summary>reproduction</summary><pre>${esc(d)}</pre></details>`).join('')}</td></tr>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(model.title ?? REPORT_TITLE)}</title><style>${STYLE}</style></head>
<body><h1>${esc(model.title ?? REPORT_TITLE)}</h1>
<p>Target <code>${esc(model.target)}</code> — ${model.targetKind === 'mock' ? `${esc(model.referenceName ?? REFERENCE_NAME)} (DECISION rules asserted)` : 'a foreign implementation (DECISION rules informational)'}.
Seed ${model.seed}, ${model.runs} property runs, generated ${esc(model.generatedAt)}.</p>
<div class="cards">${card('rules', s.rules)}${card('covered', s.covered)}${card('passed', s.passed, COLOURS.passed)}${card('failed', s.failed, COLOURS.failed)}${card('warnings', s.warnings, COLOURS.warning)}${card('informational', s.informational, COLOURS.informational)}${card('not exercised', s.notExercised, COLOURS['not exercised'])}</div>
<table><thead><tr><th>rule</th><th>basis</th><th>verdict</th><th>rule text</th><th>evidence</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></body></html>
`;
}
