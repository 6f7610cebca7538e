import type { SwitchView } from './behaviourSwitches';
import { CONSOLE_SCRIPT } from './consoleScript';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function switchRow(s: SwitchView): string {
  const id = `${s.kind}-${s.name}`;
  const box = s.restartNeeded
    ? `<input type="checkbox" id="${id}" disabled${s.on ? ' checked' : ''}> <em>restart needed</em>`
    : `<input type="checkbox" id="${id}" data-kind="${s.kind}" data-name="${escapeHtml(s.name)}"${s.on ? ' checked' : ''}>`;
  return `<tr><td>${box}</td><td><label for="${id}"><code>${escapeHtml(s.name)}</code></label></td><td>${escapeHtml(s.rules.join(', '))}</td><td>${escapeHtml(s.description)}</td></tr>`;
}

const switchTable = (title: string, rows: SwitchView[]): string =>
  `<details${rows.some((r) => r.on) ? ' open' : ''}><summary data-title="${title}">${title} (${rows.filter((r) => r.on).length} on)</summary>
<table class="switches"><thead><tr><th>on</th><th>name</th><th>rules</th><th>what it does</th></tr></thead>
<tbody>${rows.map(switchRow).join('\n')}</tbody></table></details>`;

const STYLE = `body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.5em}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3}code{font-size:12px}.bad{color:#b00020}.ok{color:#1b5e20}#status{font-size:12px;color:#666}.findings,.diagnosis{white-space:pre-line}
.switches td:nth-child(4){color:#555}summary{cursor:pointer;font-weight:600;margin:.4em 0}`;

/** The console page: the switches rendered here, the requests and orders filled in by the page's script. */
export function consolePage(switches: SwitchView[], audit: boolean): string {
  const report = audit
    ? '<p><a id="report" href="/__console/report" download>Download the client report</a> (client-report.html, written now)</p>'
    : '<p>No client report: start the mock with <code>--audit DIR</code> to judge its callers by the client rules.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>payscore-conformance mock console</title><style>${STYLE}</style></head>
<body>
<h1>payscore-conformance mock — live console</h1>
<p id="status">connecting…</p>
${report}
<h2>Requests <small>(the latest 200, newest first)</small></h2>
<table id="requests"><thead><tr><th>time</th><th>method</th><th>path</th><th>status</th><th>code</th><th>ms</th>
<th>signature diagnosis</th><th>client-rule findings</th></tr></thead><tbody></tbody></table>
<h2>Orders <small id="order-count"></small></h2>
<table id="orders"><thead><tr><th>order_id</th><th>out_order_no</th><th>sub_mchid</th><th>state</th><th>created</th>
</tr></thead><tbody></tbody></table>
<h2>Faults and readings <small>(for the next requests)</small></h2>
<p id="switch-error" class="bad"></p>
${switchTable(
  'Faults',
  switches.filter((s) => s.kind === 'fault'),
)}
${switchTable(
  'Readings',
  switches.filter((s) => s.kind === 'reading'),
)}
<script>${CONSOLE_SCRIPT}</script>
</body></html>`;
}
