// Reads every file a command wrote into its reports folder as data to compare: JSON parsed, JSON Lines
// parsed row by row, JUnit XML as testcases, Markdown/HTML/text as lines; all normalised.
'use strict';
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');
const { testcases } = require('./junit');

/** Every file under `dir`, as paths relative to it, sorted. */
function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out;
}

/** JUnit properties whose values are measurements, not verdicts. */
const VOLATILE_PROPERTY = /^(latency_ms|time|duration_ms)$/;

/** One file's content as comparable data. */
function readOne(path, norm) {
  const raw = readFileSync(path, 'utf8');
  if (path.endsWith('.jsonl')) {
    // Rows are appended as tests finish (concurrently): compared as a set, sorted.
    const rows = raw.split('\n').filter((l) => l.trim() !== '');
    return { kind: 'rows', rows: rows.map((l) => norm.json(JSON.parse(l))).sort(byJson) };
  }
  if (path.endsWith('.json')) return { kind: 'json', value: norm.json(JSON.parse(raw)) };
  if (path.endsWith('.xml')) {
    const cases = testcases(raw).map((c) => ({
      ...c,
      suite: norm.text(c.suite),
      classname: norm.text(c.classname),
      name: norm.text(c.name),
      failure: c.failure === null ? null : norm.text(c.failure),
      detail: c.detail === null ? null : norm.text(c.detail),
      properties: Object.fromEntries(
        Object.entries(c.properties).map(([k, v]) => [k, VOLATILE_PROPERTY.test(k) ? '<VOLATILE>' : norm.text(v)]),
      ),
    }));
    return { kind: 'junit', testcases: cases };
  }
  return { kind: 'text', lines: norm.text(raw).split('\n') };
}

const byJson = (a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0);

/**
 * Every report file of `dir`, keyed by its normalised relative path. Case files are named by a hash of the
 * request, so several may normalise to one name: they are then numbered in the order of their content.
 */
function readReports(dir, norm) {
  const groups = new Map();
  for (const rel of filesUnder(dir)) {
    const key = norm.text(rel);
    const content = readOne(join(dir, rel), norm);
    groups.set(key, [...(groups.get(key) ?? []), content]);
  }
  const files = {};
  for (const [key, contents] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (contents.length === 1) files[key] = contents[0];
    else contents.sort(byJson).forEach((c, i) => (files[`${key}#${i + 1}`] = c));
  }
  return files;
}

module.exports = { readReports, filesUnder };
