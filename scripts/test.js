#!/usr/bin/env node
// `npm test`: every gate in order, each Jest run writing its own JUnit file into reports/.
// All steps run even after a failure, so one run shows everything that is wrong; the exit code is
// non-zero when any step failed.
'use strict';
const { spawnSync } = require('node:child_process');
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const jest = (project, extra = []) => ({
  name: `jest ${project}`,
  cmd: process.execPath,
  args: [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--selectProjects', project, ...extra],
  env: { JEST_JUNIT_OUTPUT_NAME: `junit-${project}.xml` },
});

const steps = [
  { name: 'typecheck', cmd: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'lint', cmd: 'npm', args: ['run', '--silent', 'lint'] },
  jest('unit'),
  // Pact: the consumer run writes contracts/pacts/ and examples/pacts/ (deterministic, drift-checked), then the
  // provider run verifies contracts/pacts/ (`pact verify` on all of them runs in the unit step: cli/pactCommand.test.ts).
  jest('contracts-consumer'),
  jest('contracts-provider'),
  // The suites must pass against the clean mock and catch each of its faults (runs the CLI per fault).
  jest('selftest', ['--maxWorkers', '2']),
  // The published package: packed, installed into a fresh project, run there (scripts/package-test.js).
  { name: 'package', cmd: process.execPath, args: [join(root, 'scripts', 'package-test.js')] },
];

mkdirSync(join(root, 'reports'), { recursive: true });
const results = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  const run = spawnSync(step.cmd, step.args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PACT_DO_NOT_TRACK: 'true', ...step.env },
  });
  const ok = run.status === 0;
  results.push({ name: step.name, ok, seconds: (Date.now() - started) / 1000 });
  console.log(`${ok ? '✔' : '✘'} ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log('\nnpm test summary:');
for (const r of results) console.log(`  ${r.ok ? 'ok    ' : 'FAILED'} ${r.name} (${r.seconds.toFixed(1)} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
