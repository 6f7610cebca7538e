#!/usr/bin/env node
// `npm test`: every gate, each Jest run writing its own JUnit file into reports/. All steps run even
// after a failure, so one run shows everything that is wrong; the exit code is non-zero when any step
// failed. Steps of one phase run side by side (the machine has two cores), their output printed whole
// when each ends. The end prints each step's time and the five slowest test files (from the JUnit
// files of this run).
'use strict';
const { spawn } = require('node:child_process');
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { slowestFiles } = require('./slowestFiles');

const root = join(__dirname, '..');
const jest = (project, extra = []) => ({
  name: `jest ${project}`,
  cmd: process.execPath,
  args: [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--selectProjects', project, ...extra],
  env: { JEST_JUNIT_OUTPUT_NAME: `junit-${project}.xml` },
});

/** Phases in order; the steps of one phase run at the same time, a list within a phase in order. */
const phases = [
  [
    // Single-threaded both: side by side on two cores, with the Pact runs beside them.
    { name: 'typecheck', cmd: 'npm', args: ['run', '--silent', 'typecheck'] },
    { name: 'lint', cmd: 'npm', args: ['run', '--silent', 'lint'] },
    // Pact: the consumer run writes contracts/pacts/ and examples/pacts/ (deterministic, drift-checked;
    // no TypeScript imports them, prettier and eslint skip them), then the provider run verifies
    // contracts/pacts/. Never beside the unit tests or the package test, which read those files.
    [jest('contracts-consumer'), jest('contracts-provider')],
  ],
  [
    // Two workers: the depth tests (one file each) run beside the rest.
    jest('unit', ['--maxWorkers', '2']),
    // The published package: packed, installed into a fresh project, run there (scripts/package-test.js).
    // Its build writes dist/, which the unit tests skip (they run from the sources).
    { name: 'package', cmd: process.execPath, args: [join(root, 'scripts', 'package-test.js')] },
  ],
  // The suites must pass against the clean mock and catch each of its faults (runs the CLI per fault).
  // `pact verify` on every pact runs in the unit step (cli/pactCommand.test.ts).
  [jest('selftest', ['--maxWorkers', '2'])],
];

/** Runs one step; alone it prints as it goes, beside others its output comes whole at its end. */
function runStep(step, alone) {
  return new Promise((done) => {
    const started = Date.now();
    console.log(`\n▶ ${step.name}`);
    const child = spawn(step.cmd, step.args, {
      cwd: root,
      stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PACT_DO_NOT_TRACK: 'true', ...step.env },
    });
    const output = [];
    child.stdout?.on('data', (d) => output.push(d));
    child.stderr?.on('data', (d) => output.push(d));
    const finish = (ok) => {
      const seconds = (Date.now() - started) / 1000;
      if (!alone) process.stdout.write(`\n── ${step.name} ──\n${Buffer.concat(output).toString()}`);
      console.log(`${ok ? '✔' : '✘'} ${step.name} (${seconds.toFixed(1)} s)`);
      done({ name: step.name, ok, seconds });
    };
    child.on('error', (e) => {
      output.push(Buffer.from(`${e.message}\n`));
      finish(false);
    });
    child.on('close', (code) => finish(code === 0));
  });
}

async function main() {
  mkdirSync(join(root, 'reports'), { recursive: true });
  const started = Date.now();
  const results = [];
  for (const phase of phases) {
    const alone = phase.length === 1 && !Array.isArray(phase[0]);
    const lanes = phase.map(async (lane) => {
      const got = [];
      for (const step of Array.isArray(lane) ? lane : [lane]) got.push(await runStep(step, alone));
      return got;
    });
    for (const got of await Promise.all(lanes)) results.push(...got);
  }
  console.log('\nnpm test summary:');
  for (const r of results) console.log(`  ${r.ok ? 'ok    ' : 'FAILED'} ${r.name} (${r.seconds.toFixed(1)} s)`);
  console.log(`  total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log('\nthe five slowest test files:');
  for (const f of slowestFiles(join(root, 'reports'), started, 5))
    console.log(`  ${f.seconds.toFixed(1).padStart(7)} s  ${f.file} (${f.report}, ${f.tests} tests)`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

main();
