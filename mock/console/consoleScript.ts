// The console page's script, plain browser JavaScript (no build step): polls the feed and the orders every
// second, and posts a switch when a box changes. Every value is written as text, never as HTML.
export const CONSOLE_SCRIPT = `
'use strict';
const KEEP = 200;
let since = 0;
const cell = (row, text, cls) => {
  const td = row.insertCell();
  td.textContent = text === undefined || text === null ? '' : String(text);
  if (cls) td.className = cls;
  return td;
};
function requestRow(e) {
  const row = document.createElement('tr');
  row.dataset.seq = String(e.seq);
  cell(row, e.at.slice(11, 23));
  cell(row, e.method);
  cell(row, e.path, 'path');
  cell(row, e.status, e.status >= 400 ? 'bad' : 'ok');
  cell(row, e.code, 'code');
  cell(row, e.ms);
  cell(row, e.diagnosis ? (e.diagnosis.mistake || 'none found') + ': ' + e.diagnosis.says : '', 'diagnosis');
  const findings = e.findings === undefined ? '' : e.findings.length === 0 ? e.judged + ' rules passed'
    : e.findings.map((f) => f.ruleId + (f.verdict === 'informational' ? ' (informational)' : '') + ': ' + f.seen).join('\\n');
  cell(row, findings, 'findings' + (e.findings && e.findings.length > 0 ? ' bad' : ''));
  return row;
}
function orderRow(o) {
  const row = document.createElement('tr');
  [o.order_id, o.out_order_no, o.sub_mchid, o.state + (o.state_description ? ' / ' + o.state_description : ''),
    o.created_at].forEach((v) => cell(row, v));
  return row;
}
async function poll() {
  try {
    const feed = await (await fetch('/__console/requests?since=' + since)).json();
    const body = document.querySelector('#requests tbody');
    for (const e of feed.requests) {
      body.prepend(requestRow(e));
      since = e.seq;
    }
    while (body.rows.length > KEEP) body.deleteRow(-1);
    const orders = await (await fetch('/__console/orders')).json();
    document.querySelector('#orders tbody').replaceChildren(...orders.orders.map(orderRow));
    document.getElementById('order-count').textContent = '(' + orders.orders.length + ' newest of ' + orders.count + ')';
    document.getElementById('status').textContent = 'live: ' + since + ' requests so far, updated ' + new Date().toLocaleTimeString();
  } catch (error) {
    document.getElementById('status').textContent = 'the mock does not answer (' + error + '); retrying';
  }
  setTimeout(poll, 1000);
}
document.querySelectorAll('input[data-kind]').forEach((box) => {
  box.addEventListener('change', async () => {
    const message = document.getElementById('switch-error');
    box.disabled = true;
    try {
      const res = await fetch('/__console/switches', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: box.dataset.kind, name: box.dataset.name, on: box.checked }),
      });
      if (!res.ok) throw new Error((await res.json()).message);
      message.textContent = '';
      const section = box.closest('details');
      const summary = section.querySelector('summary');
      summary.textContent = summary.dataset.title + ' (' + section.querySelectorAll('input:checked').length + ' on)';
    } catch (error) {
      box.checked = !box.checked;
      message.textContent = box.dataset.name + ': ' + error.message;
    } finally {
      box.disabled = false;
    }
  });
});
poll();
`;
