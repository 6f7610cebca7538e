#!/usr/bin/env node
// `npm run stress-selftest [-- --runs N --busy N --only REGEX --files a,b --no-quiet]`: the fault, reading
// and caller self-tests once on a quiet machine, then N times (default 3) with both cores kept busy by
// busy loops (default 4), and every verdict (a test's outcome and, when it failed, its message) that
// differs from the quiet run. A self-test's verdict must not depend on the machine's load (issue #27).
// --only takes a test-name pattern (Jest -t), --files the self-test files to run (default: all five),
// --no-quiet compares with the verdict every self-test expects (passed) instead of a quiet run.
// Exit 0 when no verdict differed, 1 otherwise, 2 for a bad flag.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
/** Each kind of self-test and the pattern of its files (the faults and readings are split in two). */
const FILES = {
  faults: 'suites/selftest/faults(\\.part2)?\\.selftest\\.ts$',
  readings: 'suites/selftest/readings(\\.part2)?\\.selftest\\.ts$',
  receiver: 'suites/selftest/receiverFaults\\.selftest\\.ts$',
  caller: 'cli/auditClient\\.selftest\\.ts$',
  sdk: 'examples/clients/sdkAudit\\.selftest\\.ts$',
};

function usage(problem) {
  console.error(`npm run stress-selftest: ${problem}`);
  console.error(
    'usage: npm run stress-selftest -- [--runs N] [--busy N] [--only REGEX] [--files faults,readings,receiver,caller,sdk] [--no-quiet]',
  );
  process.exit(2);
}

function readArgs(argv) {
  const args = { runs: 3, busy: 4, only: undefined, files: Object.keys(FILES), quiet: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i] ?? usage(`${flag} needs a value`);
    const count = (min) => {
      const raw = value();
      if (!/^\d+$/.test(raw) || Number(raw) < min) usage(`${flag} "${raw}": not a whole number of at least ${min}`);
      return Number(raw);
    };
    if (flag === '--runs') args.runs = count(1);
    else if (flag === '--busy') args.busy = count(0);
    else if (flag === '--only') args.only = value();
    else if (flag === '--no-quiet') args.quiet = false;
    else if (flag === '--files') {
      args.files = value().split(',');
      const unknown = args.files.filter((f) => !(f in FILES));
      if (unknown.length > 0) usage(`--files: unknown ${unknown.join(', ')}; known: ${Object.keys(FILES).join(', ')}`);
    } else usage(`unknown flag ${flag}`);
  }
  return args;
}

/** `count` busy loops, each a child process spinning until killed (by its own pid). */
function busyLoops(count) {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }),
  );
  const stop = () => {
    for (const child of children) child.kill('SIGKILL');
  };
  // Stopped by a signal, the loops go with this process (they would spin on otherwise).
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (stop(), process.exit(130)));
  return stop;
}

/** One Jest run of the selected self-tests: each test's full name and its verdict. */
function runOnce(args) {
  const dir = mkdtempSync(join(tmpdir(), 'payscore-stress-'));
  const out = join(dir, 'jest.json');
  const started = Date.now();
  const jestArgs = [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--selectProjects', 'selftest'];
  jestArgs.push('--maxWorkers', '2', '--json', '--outputFile', out, '--testPathPatterns');
  jestArgs.push(...args.files.map((f) => FILES[f]));
  if (args.only !== undefined) jestArgs.push('-t', args.only);
  spawnSync(process.execPath, jestArgs, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PACT_DO_NOT_TRACK: 'true', PAYSCORE_REPORTS_DIR: dir, JEST_JUNIT_OUTPUT_DIR: dir },
    maxBuffer: 256 * 1024 * 1024,
  });
  const verdicts = new Map();
  try {
    const results = JSON.parse(readFileSync(out, 'utf8'));
    for (const file of results.testResults) {
      if (file.assertionResults.length === 0) verdicts.set(file.name, `file failed: ${firstLines(file.message)}`);
      // A test -t left out (pending) has no verdict.
      for (const t of file.assertionResults.filter((a) => a.status !== 'pending' && a.status !== 'todo'))
        verdicts.set(
          t.fullName,
          t.status === 'passed' ? 'passed' : `${t.status}: ${firstLines(t.failureMessages.join('\n'))}`,
        );
    }
  } catch (e) {
    verdicts.set('(the Jest run)', `wrote no results: ${e.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { verdicts, seconds: (Date.now() - started) / 1000 };
}

/** The lines of a failure that say what was expected and received, without stack or colour. */
function firstLines(message) {
  const plain = String(message).replace(/\u001b\[[0-9;]*m/g, '');
  return plain
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^\s+at /.test(l))
    .slice(0, 6)
    .join(' | ');
}

function differences(quiet, loaded) {
  const names = new Set([...quiet.keys(), ...loaded.keys()]);
  return [...names]
    .filter((n) => quiet.get(n) !== loaded.get(n))
    .map((n) => ({ name: n, quiet: quiet.get(n) ?? '(not run)', loaded: loaded.get(n) ?? '(not run)' }));
}

const args = readArgs(process.argv.slice(2));
console.log(`stress-selftest: ${args.files.join(', ')}${args.only === undefined ? '' : ` (-t ${args.only})`}`);
let quiet;
if (args.quiet) {
  const run = runOnce(args);
  quiet = run.verdicts;
  const failed = [...quiet.values()].filter((v) => v !== 'passed').length;
  console.log(`quiet run: ${quiet.size} verdicts, ${failed} not passed (${run.seconds.toFixed(0)} s)`);
} else {
  console.log('no quiet run: each self-test is compared with its expected verdict, passed');
}
let differing = 0;
for (let i = 1; i <= args.runs; i++) {
  const stop = busyLoops(args.busy);
  let run;
  try {
    run = runOnce(args);
  } finally {
    stop();
  }
  const expected = quiet ?? new Map([...run.verdicts.keys()].map((n) => [n, 'passed']));
  const diff = differences(expected, run.verdicts);
  differing += diff.length;
  console.log(
    `busy run ${i} of ${args.runs} (${args.busy} busy loops): ${run.verdicts.size} verdicts, ${diff.length} differing (${run.seconds.toFixed(0)} s)`,
  );
  for (const d of diff) console.log(`  ✘ ${d.name}\n      quiet:  ${d.quiet}\n      loaded: ${d.loaded}`);
}
console.log(`stress-selftest: ${differing} differing verdict(s) in ${args.runs} busy run(s)`);
process.exit(differing === 0 ? 0 : 1);
