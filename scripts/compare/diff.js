// `diff`: compares two captures scenario by scenario: exit code, verdicts, report files, report rows
// (JSON), JUnit testcases, text reports and output lines. Pure additions (a field, a JUnit property, a
// report file, lines of text only in AFTER) are listed as `added` and do not count; anything removed or
// changed counts, and so does a new row or testcase (a new verdict).
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { counts, jsonDiff } = require('./jsonDiff');
const { raceOf } = require('./races');

/** The records of a capture folder, by scenario. */
function records(dir) {
  const out = new Map();
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.json') || f === 'capture.json') continue;
    const r = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    if (typeof r.scenario === 'string') out.set(r.scenario, r);
  }
  return out;
}

/** Rule id → verdict of every report that has rows (the three audits), and pact results → passed. */
function verdicts(record) {
  const out = {};
  for (const [file, content] of Object.entries(record.files)) {
    if (content.kind !== 'json') continue;
    const { rows, files } = content.value;
    for (const row of Array.isArray(rows) ? rows : [])
      if (row.verdict !== undefined) out[`${file} ${row.id}`] = row.verdict;
    for (const f of Array.isArray(files) ? files : [])
      for (const r of Array.isArray(f.results) ? f.results : [])
        out[`${file} ${f.file} [${r.stage}] ${r.description}`] = r.passed ? 'passed' : 'failed';
  }
  return out;
}

/** Lines as a multiset difference: {removed, added}. */
function linesDiff(before, after) {
  const left = new Map();
  for (const l of before) left.set(l, (left.get(l) ?? 0) + 1);
  const added = [];
  for (const l of after) {
    const n = left.get(l) ?? 0;
    if (n > 0) left.set(l, n - 1);
    else added.push(l);
  }
  const removed = [...left.entries()].flatMap(([l, n]) => Array(n).fill(l));
  return { removed, added };
}

/** Testcases keyed by suite, classname and name (numbered when a name repeats). */
function keyed(cases) {
  const seen = new Map();
  return new Map(
    cases.map((c) => {
      const base = `${c.suite} › ${c.classname} › ${c.name}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return [n === 1 ? base : `${base} #${n}`, c];
    }),
  );
}

function junitDiff(before, after) {
  const b = keyed(before);
  const a = keyed(after);
  const out = [];
  for (const [k, c] of b) {
    if (!a.has(k)) out.push({ path: k, kind: 'removed', before: c.status });
    else for (const d of jsonDiff(c, a.get(k), '')) out.push({ ...d, path: `${k} ${d.path}` });
  }
  for (const [k, c] of a) if (!b.has(k)) out.push({ path: k, kind: 'added row', after: c.status });
  return out;
}

/** Every difference of one scenario, as {section, path, kind, before?, after?}. */
function scenarioDiff(before, after, { text = true } = {}) {
  const out = [];
  const push = (section, list) => list.forEach((d) => out.push({ section, ...d }));
  if (before.exitCode !== after.exitCode)
    push('exit code', [{ path: '', kind: 'changed', before: before.exitCode, after: after.exitCode }]);
  push(
    'verdicts',
    jsonDiff(verdicts(before), verdicts(after)).map((d) => ({ ...d, kind: d.kind === 'added' ? 'added row' : d.kind })),
  );
  for (const file of Object.keys(before.files))
    if (!(file in after.files)) push('files', [{ path: file, kind: 'removed' }]);
  for (const file of Object.keys(after.files))
    // A new case file is a new failure's reproduction; any other new file is an addition.
    if (!(file in before.files))
      push('files', [{ path: file, kind: file.startsWith('cases/') ? 'added row' : 'added' }]);
  for (const [file, b] of Object.entries(before.files)) {
    const a = after.files[file];
    if (a === undefined) continue;
    if (b.kind !== a.kind) push(file, [{ path: '', kind: 'changed', before: b.kind, after: a.kind }]);
    else if (b.kind === 'json') push(file, jsonDiff(b.value, a.value));
    else if (b.kind === 'rows') push(file, jsonDiff(b.rows, a.rows));
    else if (b.kind === 'junit') push(file, junitDiff(b.testcases, a.testcases));
    else if (text) push(file, textChanges(b.lines, a.lines));
  }
  if (text) for (const stream of ['stdout', 'stderr']) push(stream, textChanges(before[stream], after[stream]));
  return out;
}

function textChanges(before, after) {
  const { removed, added } = linesDiff(before, after);
  return [
    ...removed.map((l) => ({ path: 'line', kind: 'removed', before: l })),
    ...added.map((l) => ({ path: 'line', kind: 'added', after: l })),
  ];
}

/** Compares two capture folders; returns {report (lines), differing}. */
function diffCaptures(beforeDir, afterDir, options = {}) {
  const before = records(beforeDir);
  const after = records(afterDir);
  const lines = [];
  let identical = 0;
  let differing = 0;
  const names = [...new Set([...before.keys(), ...after.keys()])];
  for (const name of names) {
    const b = before.get(name);
    const a = after.get(name);
    if (b === undefined || a === undefined) {
      differing += 1;
      lines.push(`✗ ${name}: only in ${b === undefined ? 'AFTER' : 'BEFORE'}`);
      continue;
    }
    const all = scenarioDiff(b, a, options);
    const races = all.filter((d) => raceOf(name, d) !== undefined);
    const counted = all.filter((d) => counts(d) && raceOf(name, d) === undefined);
    const added = all.filter((d) => !counts(d) && raceOf(name, d) === undefined);
    if (counted.length === 0) identical += 1;
    else differing += 1;
    const raced = races.length === 0 ? '' : `, ${races.length} race(s) by design`;
    lines.push(
      `${counted.length === 0 ? '✓' : '✗'} ${name}: ${counted.length} difference(s), ${added.length} added${raced}`,
    );
    for (const d of counted) lines.push(`    ${describe(d)}`);
    for (const why of new Set(races.map((d) => raceOf(name, d).why))) lines.push(`    race (not counted): ${why}`);
    for (const d of added.slice(0, options.addedShown ?? 20)) lines.push(`    ${describe(d)}`);
    if (added.length > (options.addedShown ?? 20))
      lines.push(`    … ${added.length - (options.addedShown ?? 20)} more added`);
  }
  lines.push(`${names.length} scenarios, ${identical} identical, ${differing} differ`);
  return { lines, differing, identical, scenarios: names.length };
}

/** A value on one line, at most 300 characters. */
const show = (v) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
};

/** Two strings that differ: each shown from a little before the first character where they part. */
function showChange(before, after) {
  if (typeof before !== 'string' || typeof after !== 'string') return `${show(before)} → ${show(after)}`;
  let at = 0;
  while (at < before.length && before[at] === after[at]) at += 1;
  const from = Math.max(0, at - 60);
  const cut = (s) => `${from > 0 ? '…' : ''}${show(s.slice(from, from + 200))}`;
  return `${cut(before)} → ${cut(after)}`;
}

function describe(d) {
  const where = `[${d.section}]${d.path === '' ? '' : ` ${d.path}`}`;
  if (d.kind === 'changed') return `changed ${where}: ${showChange(d.before, d.after)}`;
  if (d.kind === 'removed') return `removed ${where}${d.before === undefined ? '' : `: ${show(d.before)}`}`;
  return `${d.kind} ${where}${d.after === undefined ? '' : `: ${show(d.after)}`}`;
}

module.exports = { diffCaptures, scenarioDiff, linesDiff, verdicts };
