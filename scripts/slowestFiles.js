// The slowest test files of the JUnit files written since a moment (`npm test` prints five of them).
'use strict';
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

/** Every <testsuite> of reports/junit-*.xml written since `sinceMs`: its file, time and test count. */
function testFiles(dir, sinceMs) {
  const files = [];
  let names = [];
  try {
    names = readdirSync(dir).filter((n) => /^junit.*\.xml$/.test(n));
  } catch {
    return files;
  }
  for (const report of names) {
    const path = join(dir, report);
    if (statSync(path).mtimeMs < sinceMs) continue;
    for (const m of readFileSync(path, 'utf8').matchAll(/<testsuite\b([^>]*)>/g)) {
      const attr = (name) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1] ?? '')?.[1];
      const seconds = Number(attr('time'));
      if (Number.isFinite(seconds))
        files.push({ file: attr('name') ?? '?', seconds, tests: Number(attr('tests') ?? 0), report });
    }
  }
  return files;
}

/** The `count` slowest test files, slowest first. */
function slowestFiles(dir, sinceMs, count) {
  return testFiles(dir, sinceMs)
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, count);
}

module.exports = { slowestFiles, testFiles };
