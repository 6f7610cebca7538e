#!/usr/bin/env node
// Proves a refactor changed nothing a user is judged by: `capture` runs the three audits and `pact verify`
// on one seed inside a checkout and records their exit codes, verdicts, reports and JUnit testcases,
// normalised (scripts/compare/normalise.js); `diff` compares two captures. See scripts/compare/.
'use strict';
const { existsSync, statSync } = require('node:fs');
const { capture, renormalise } = require('./compare/capture');
const { diffCaptures } = require('./compare/diff');
const { scenarios } = require('./compare/scenarios');

const USAGE = `Usage:
  node scripts/compare-verdicts.js capture --checkout DIR --out OUTDIR [options]
  node scripts/compare-verdicts.js diff BEFORE_OUT AFTER_OUT [--no-text]
  node scripts/compare-verdicts.js renormalise OUTDIR

capture  runs each scenario inside checkout DIR (its own bin/ and node_modules/) on seed 20261127, each
         with its own reports folder OUTDIR/raw/<scenario>/ (never DIR/reports), and writes the normalised
         record OUTDIR/<scenario>.json (exit code, output lines, every report file).
  --checkout DIR        the checkout to run (required)
  --out OUTDIR          where the records go (required; not inside DIR)
  --scenario NAME       capture only these scenarios (repeatable)
  --fault LIST          the mock faults of run-fault (comma-separated; default: the table's)
  --receiver-fault NAME the receiver fault of notify-fault
  --defect NAME         the driver defect of audit-client-defect
  --key-pool DIR        the test key pool (default: the self-tests' pool in the temp folder)
renormalise  rebuilds OUTDIR's records from OUTDIR/raw/ with the current normaliser (runs nothing)
diff     prints, per scenario, every difference: exit code, verdicts, report files, report rows, JUnit
         testcases (status, name, properties), text reports and output lines; then
         "N scenarios, M identical, K differ". Only-in-AFTER fields, properties, files and lines are
         listed as "added" and do not count.
  --no-text             compare exit codes, verdicts, JSON reports and JUnit only (not Markdown/HTML/output)

Scenarios: ${scenarios()
  .map((s) => s.name)
  .join(', ')}
Exit codes: 0 captured / identical, 1 a capture command could not run to the end / a difference,
2 a bad flag or folder.`;

class UsageError extends Error {}

/** Flags of `capture`: {checkout, out, only, overrides, keyPool}. */
function captureFlags(args) {
  const flags = { only: [], overrides: {} };
  const names = scenarios().map((s) => s.name);
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    i += 1;
    if (flag === '--checkout') flags.checkout = value;
    else if (flag === '--out') flags.out = value;
    else if (flag === '--key-pool') flags.keyPool = value;
    else if (flag === '--fault') flags.overrides.fault = value;
    else if (flag === '--receiver-fault') flags.overrides.receiverFault = value;
    else if (flag === '--defect') flags.overrides.defect = value;
    else if (flag === '--scenario') {
      if (!names.includes(value)) throw new UsageError(`--scenario: no scenario ${value} (${names.join(', ')})`);
      flags.only.push(value);
    } else throw new UsageError(`unknown flag ${flag}`);
  }
  if (flags.checkout === undefined) throw new UsageError('--checkout DIR is required');
  if (flags.out === undefined) throw new UsageError('--out OUTDIR is required');
  if (!existsSync(flags.checkout) || !statSync(flags.checkout).isDirectory())
    throw new UsageError(`--checkout ${flags.checkout}: not a folder`);
  return flags;
}

async function main(args) {
  const [command, ...rest] = args;
  if (command === undefined || args.includes('--help') || args.includes('-h')) return (console.log(USAGE), 0);
  if (command === 'capture') {
    const flags = captureFlags(rest);
    const summary = await capture({ ...flags, log: (l) => console.error(l) });
    return summary.every((s) => typeof s.exitCode === 'number') ? 0 : 1;
  }
  if (command === 'renormalise') {
    if (rest.length !== 1 || rest[0].startsWith('--')) throw new UsageError('renormalise needs OUTDIR');
    console.error(`renormalised: ${renormalise(rest[0]).join(', ')}`);
    return 0;
  }
  if (command === 'diff') {
    const text = !rest.includes('--no-text');
    const dirs = rest.filter((a) => a !== '--no-text');
    const bad = dirs.find((a) => a.startsWith('--'));
    if (bad !== undefined) throw new UsageError(`unknown flag ${bad}`);
    if (dirs.length !== 2) throw new UsageError('diff needs BEFORE_OUT and AFTER_OUT');
    for (const d of dirs) if (!existsSync(d) || !statSync(d).isDirectory()) throw new UsageError(`${d}: not a folder`);
    const result = diffCaptures(dirs[0], dirs[1], { text });
    for (const l of result.lines) console.log(l);
    return result.differing === 0 && result.scenarios > 0 ? 0 : 1;
  }
  throw new UsageError(`unknown command ${command}`);
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(`compare-verdicts: ${e.message}${e instanceof UsageError ? `\n${USAGE}` : ''}`);
    // A bad flag or folder is 2; a capture that broke half-way (a receiver that would not start) too.
    process.exitCode = 2;
  },
);
