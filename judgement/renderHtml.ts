import type { Verdict } from './verdict';
import type { Basis } from '../specification';
import { REFERENCE_NAME, REPORT_TITLE, type AuditModel, type RuleRow, type Summary } from './auditModel';
import { provenanceLines } from './provenanceLines';
import { throttlingSentence } from './throttling';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const COLOURS: Record<Verdict, string> = {
  passed: '#1a7f37',
  failed: '#cf222e',
  warning: '#9a6700',
  informational: '#0969da',
  'not exercised': '#6e7781',
};
// The filters' order (COLOURS' order, not the verdicts' rank) is what readers have always seen.
const VERDICT_FILTERS = Object.keys(COLOURS) as Verdict[];
const BASES: Basis[] = ['SEED', 'SIBLING', 'DECISION'];
const slug = (s: string): string => s.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

// Filters are checkboxes read by CSS `:has()`: they work offline, with scripts blocked, from a file:// URL.
const filterCss = (): string =>
  [
    ...VERDICT_FILTERS.map((v) => `body:has(#fv-${slug(v)}:not(:checked)) tr[data-verdict="${v}"]`),
    ...BASES.map((b) => `body:has(#fb-${slug(b)}:not(:checked)) tr[data-basis="${b}"]`),
  ].join(',\n') + '{display:none}';

/** An area whose every verdict (or every basis) is filtered out goes too, not only its rows. */
function sectionCss(model: AuditModel): string {
  const unchecked = (ids: string[]): string => `body${ids.map((id) => `:has(#${id}:not(:checked))`).join('')}`;
  return (
    model.areas
      .flatMap((area) => {
        const rows = model.rows.filter((r) => r.area === area);
        const verdicts = [...new Set(rows.map((r) => `fv-${slug(r.verdict)}`))];
        const bases = [...new Set(rows.map((r) => `fb-${slug(r.basis)}`))];
        return [`${unchecked(verdicts)} #area-${slug(area)}`, `${unchecked(bases)} #area-${slug(area)}`];
      })
      .join(',\n') + '{display:none}'
  );
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1f2328;max-width:1400px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f6f8fa}.v{font-weight:600;white-space:nowrap}.n{text-align:right;white-space:nowrap}.id{white-space:nowrap}
.rules td:last-child{min-width:9rem}.scroll{overflow-x:auto}
.cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}.card{border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem}
.card b{display:block;font-size:1.6rem}pre{background:#f6f8fa;padding:.6rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
code{font-size:12px}dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.prov dt{font-weight:600}dl.prov dd{margin:0;word-break:break-all}
.filters fieldset{display:inline-block;border:1px solid #d0d7de;border-radius:6px;margin:.3rem .5rem .3rem 0}.filters label{margin-right:.8rem;white-space:nowrap}
.failed-list a{color:#cf222e;margin-right:.6rem;white-space:nowrap}
.basis{width:auto}.basis td,.basis th{text-align:right}.basis td:first-child,.basis th:first-child{text-align:left}
@media (max-width:700px){body{margin:.6rem}.rules thead{display:none}.rules tr,.rules td{display:block;border:0}
.rules tr{border:1px solid #d0d7de;border-radius:6px;margin:.5rem 0;padding:.3rem}.rules td{padding:.15rem .3rem;text-align:left}
.rules td[data-label]::before{content:attr(data-label) ": ";font-weight:600}dl.prov{grid-template-columns:1fr}dl.prov dd{margin-bottom:.3rem}
.cards{gap:.4rem}.card{padding:.3rem .6rem}.card b{font-size:1.2rem}.basis{font-size:11px}.basis td,.basis th{padding:.15rem .25rem}}
${filterCss()}`;

const card = (label: string, n: number, colour = '#1f2328'): string =>
  `<div class="card" style="color:${colour}"><b>${n}</b>${esc(label)}</div>`;

function basisTable(model: AuditModel): string {
  const cols: Array<[keyof Summary, string]> = [
    ['rules', 'rules'],
    ['passed', 'passed'],
    ['failed', 'failed'],
    ['warnings', 'warnings'],
    ['informational', 'informational'],
    ['notExercised', 'not exercised'],
  ];
  const row = (name: string, s: Summary): string =>
    `<tr><td>${name}</td>${cols.map(([k]) => `<td>${s[k]}</td>`).join('')}</tr>`;
  return `<div class="scroll"><table class="basis"><thead><tr><th>basis</th>${cols.map(([, l]) => `<th>${l}</th>`).join('')}</tr></thead>
<tbody>${BASES.map((b) => row(b, model.byBasis[b])).join('')}${row('<b>all</b>', model.summary)}</tbody></table></div>`;
}

function ruleRow(r: RuleRow): string {
  const failures = r.failures
    .map(
      (
        f,
        i,
      ) => `<details><summary>failure ${i + 1} of ${r.failures.length}${f.caseFile === undefined ? '' : ` — <code>${esc(f.caseFile)}</code>`}</summary>
<p>test: ${esc(f.test)}</p><pre>${esc(f.detail)}</pre></details>`,
    )
    .join('');
  const tests =
    r.tests.length === 0
      ? '—'
      : `<details><summary>${r.tests.length} test(s)</summary>${r.tests.map((t) => esc(t)).join('<br>')}</details>`;
  return `<tr id="${esc(r.id)}" data-verdict="${r.verdict}" data-basis="${r.basis}"><td class="id" data-label="rule"><code>${esc(r.id)}</code></td><td data-label="basis">${r.basis}</td>
<td class="v" data-label="verdict" style="color:${COLOURS[r.verdict]}">${r.verdict}</td><td class="n" data-label="exchanges judged / failed">${r.exchanges.judged} / ${r.exchanges.failed}</td>
<td>${esc(r.text)}</td><td>${tests}${failures}</td></tr>`;
}

function failedList(model: AuditModel): string {
  const failed = model.rows.filter((r) => r.verdict === 'failed');
  if (failed.length === 0) return '<p>No rule failed.</p>';
  return `<p class="failed-list"><b>Failed rules:</b> ${failed.map((r) => `<a href="#${esc(r.id)}"><code>${esc(r.id)}</code></a>`).join('')}</p>`;
}

const checkbox = (id: string, label: string, count: number): string =>
  `<label><input type="checkbox" id="${id}" checked> ${esc(label)} (${count})</label>`;

/** The auditor report as one self-contained HTML page (inline CSS, no scripts, no external assets). */
export function renderHtml(model: AuditModel): string {
  const s = model.summary;
  const prov = provenanceLines(model.provenance, model.referenceName)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd><code>${esc(v)}</code></dd>`)
    .join('');
  const filters = `<fieldset><legend>verdict</legend>${VERDICT_FILTERS.map((v) => checkbox(`fv-${slug(v)}`, v, model.rows.filter((r) => r.verdict === v).length)).join('')}</fieldset>
<fieldset><legend>basis</legend>${BASES.map((b) => checkbox(`fb-${slug(b)}`, b, model.byBasis[b].rules)).join('')}</fieldset>`;
  const sections = model.areas.map((area) => {
    const rows = model.rows.filter((r) => r.area === area);
    const failed = rows.filter((r) => r.verdict === 'failed').length;
    return `<section id="area-${slug(area)}"><h2>${esc(area)} <small>(${rows.length} rules${failed === 0 ? '' : `, ${failed} failed`})</small></h2>
<table class="rules"><thead><tr><th>rule</th><th>basis</th><th>verdict</th><th>exchanges judged / failed</th><th>rule text</th><th>evidence</th></tr></thead>
<tbody>${rows.map(ruleRow).join('\n')}</tbody></table></section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(model.title ?? REPORT_TITLE)}</title><style>${STYLE}
${sectionCss(model)}</style></head>
<body><h1>${esc(model.title ?? REPORT_TITLE)}</h1>
<p>Target <code>${esc(model.target)}</code> — ${model.targetKind === 'mock' ? `${esc(model.referenceName ?? REFERENCE_NAME)} (DECISION rules asserted)` : 'a foreign implementation (DECISION rules informational)'}.</p>
<h2>Provenance</h2><dl class="prov">${prov}</dl>
<h2>Summary</h2>
<div class="cards">${card('rules', s.rules)}${card('covered', s.covered)}${card('passed', s.passed, COLOURS.passed)}${card('failed', s.failed, COLOURS.failed)}${card('warnings', s.warnings, COLOURS.warning)}${card('informational', s.informational, COLOURS.informational)}${card('not exercised', s.notExercised, COLOURS['not exercised'])}</div>
${[throttlingSentence(model.throttling)].flatMap((t) => (t === undefined ? [] : [`<p><b>Throttling:</b> ${esc(t)}.</p>`])).join('')}${(model.throttling?.notExercised ?? []).map((title) => `<p>not exercised (throttled): ${esc(title)}</p>`).join('')}
${basisTable(model)}
${failedList(model)}
<h2>Rules by area</h2><div class="filters">Show: ${filters}</div>
<nav>${model.areas.map((a) => `<a href="#area-${slug(a)}">${esc(a)}</a>`).join(' · ')}</nav>
${sections.join('\n')}</body></html>
`;
}
