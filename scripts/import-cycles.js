#!/usr/bin/env node
// Import cycles among the TypeScript files, type-only imports included: import-x/no-cycle skips `import type`
// by design (such cycles vanish at run time), yet a type cycle still ties two modules into one, as
// mock/context.ts <-> mock/handlers/* did. `npm run lint` runs this after ESLint.
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join, normalize } = require('node:path');
const ts = require('typescript');

const USAGE = `Usage: node scripts/import-cycles.js [--help]
Lists every import cycle among the tracked and new .ts files (type-only imports included).
Exit codes: 0 no cycle, 1 cycles found, 2 bad argument.`;

/**
 * The relative-import graph of some sources: file -> files it imports (type-only imports and re-exports too).
 * @param {Map<string, string>} sources path (relative, '/'-separated) -> text
 */
function importGraph(sources) {
  const resolve = (from, spec) =>
    [`${spec}.ts`, `${spec}/index.ts`, spec].map((c) => normalize(join(dirname(from), c))).find((c) => sources.has(c));
  const graph = new Map();
  for (const [file, text] of sources) {
    const imported = ts.preProcessFile(text, true, true).importedFiles.map((i) => i.fileName);
    graph.set(
      file,
      imported.filter((s) => s.startsWith('.')).flatMap((s) => resolve(file, s) ?? []),
    );
  }
  return graph;
}

/** Tarjan's strongly connected components of more than one file (or a file importing itself): the cycles. */
function cyclesOf(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const cycles = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) (visit(w), low.set(v, Math.min(low.get(v), low.get(w))));
      else if (stack.includes(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = stack.splice(stack.indexOf(v));
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

function treeSources(root) {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'], { cwd: root });
  const files = listed
    .toString()
    .split('\n')
    .filter((f) => f !== '' && existsSync(join(root, f)));
  return new Map(files.map((f) => [normalize(f), readFileSync(join(root, f), 'utf8')]));
}

function main(args) {
  if (args.includes('--help')) return (console.log(USAGE), 0);
  if (args.length > 0) return (console.error(`import-cycles: unknown argument ${args[0]}\n${USAGE}`), 2);
  const cycles = cyclesOf(importGraph(treeSources(join(__dirname, '..'))));
  for (const c of cycles) console.error(`import-cycles: these files import each other in a cycle: ${c.join(' ')}`);
  return cycles.length === 0 ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { importGraph, cyclesOf, treeSources };
