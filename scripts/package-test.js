#!/usr/bin/env node
// The packaging test (a step of `npm test`): what a user of the published package gets. It packs this
// checkout, installs the tarball into a fresh project in a temporary folder and there runs
// `npx payscore-conformance run` against the embedded mock, then against a mock started by
// `npx payscore-conformance mock` (with better-sqlite3 made unloadable: a run against a target of
// its own must not need SQLite). Both must exit 0 and write their reports into that project's reports/.
//
// Speed: the project starts with a hard-linked copy of this checkout's node_modules, so npm resolves
// everything offline and keeps the compiled better-sqlite3; npm then prunes the dev tools away (so
// no TypeScript toolchain is left to lean on) and adds the package from the tarball.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'payscore-package-'));
const app = join(work, 'app');
const keep = process.argv.includes('--keep');
let failures = 0;
const cases = [];

function sh(cmd, args, cwd, env = {}) {
  const run = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, out: `${run.stdout ?? ''}${run.stderr ?? ''}` };
}

function check(ok, what, detail = '') {
  console.log(
    `${ok ? '  ✓' : '  ✗'} ${what}${ok || detail === '' ? '' : `\n${detail.split('\n').slice(-40).join('\n')}`}`,
  );
  if (!ok) failures += 1;
  cases.push({ name: what, failure: ok ? undefined : detail });
  return ok;
}

function must(ok, what, detail) {
  if (!check(ok, what, detail)) finish();
}

const xml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** reports/junit-package.xml, so .ci/run counts these checks with the other steps' testcases. */
function writeJunit() {
  const body = cases.map(
    (c) =>
      `    <testcase classname="package" name="${xml(c.name)}">${c.failure === undefined ? '' : `<failure message="${xml(c.name)}">${xml(c.failure)}</failure>`}</testcase>`,
  );
  const out = join(root, 'reports');
  require('node:fs').mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'junit-package.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="package" tests="${cases.length}" failures="${failures}">\n  <testsuite name="scripts/package-test.js" tests="${cases.length}" failures="${failures}">\n${body.join('\n')}\n  </testsuite>\n</testsuites>\n`,
  );
}

function finish() {
  writeJunit();
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  console.log(failures === 0 ? 'package test: ok' : `package test: ${failures} failure(s)`);
  process.exit(failures === 0 ? 0 : 1);
}

/** The reports a run wrote into the project, as the run describes its target. */
function checkReports(dir, targetUrl) {
  for (const f of [
    'junit-conformance.xml',
    'conformance-report.html',
    'conformance-report.md',
    'conformance-report.json',
    'manifest.json',
  ]) {
    check(existsSync(join(dir, f)), `reports/${f} written`);
  }
  if (!existsSync(join(dir, 'conformance-report.json'))) return;
  const report = JSON.parse(readFileSync(join(dir, 'conformance-report.json'), 'utf8'));
  check(
    report.summary.failed === 0 && report.summary.passed > 100,
    `the report counts ${report.summary.passed} passed, ${report.summary.failed} failed rules`,
  );
  if (targetUrl !== undefined)
    check(
      report.provenance.target.url === targetUrl,
      `the report names the target ${targetUrl}`,
      report.provenance.target.url,
    );
}

/** The caller's audit from the installed package, with the reference driver it ships; beside run's reports. */
function checkAuditClient() {
  const driver = join('node_modules', 'payscore-conformance', 'examples', 'clients', 'reference.js');
  const scenarios = ['genuine', 'system-error-then-genuine', 'bad-signature'].flatMap((s) => ['--scenario', s]);
  const audit = sh(
    'npx',
    ['--no-install', 'payscore-conformance', 'audit-client', ...scenarios, '--', 'node', driver],
    app,
  );
  check(
    audit.status === 0,
    `npx payscore-conformance audit-client -- node ${driver} exits 0 (got ${audit.status})`,
    audit.out,
  );
  for (const f of [
    'junit-client.xml',
    'client-report.html',
    'client-report.md',
    'client-report.json',
    'conformance-report.json',
  ])
    check(existsSync(join(app, 'reports', f)), `reports/${f} there after audit-client`);
}

async function startMock() {
  // detached: the mock and npx's children form one process group, stopped together below.
  const child = spawn(
    'npx',
    ['--no-install', 'payscore-conformance', 'mock', '--data-dir', '.payscore/mock', '--port', '0'],
    { cwd: app, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const started = await new Promise((done) => {
    const timer = setTimeout(() => done(undefined), 60_000);
    const read = (chunk) => {
      output += chunk;
      const m = /listening on (\S+) — profile (\S+)/.exec(output);
      if (m !== null) {
        clearTimeout(timer);
        done({ url: m[1], profile: m[2] });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', () => {
      clearTimeout(timer);
      done(undefined);
    });
  });
  return { child, started, output: () => output };
}

async function main() {
  console.log(`package test in ${work}`);
  const pack = sh('npm', ['pack', '--silent', '--pack-destination', work], root);
  const tarball = pack.out.trim().split('\n').pop();
  must(
    pack.status === 0 && tarball !== undefined && existsSync(join(work, tarball)),
    'npm pack builds and packs the package',
    pack.out,
  );
  const listing = sh('tar', ['-tzf', join(work, tarball)], work).out.split('\n');
  check(
    listing.includes('package/dist/cli/bin.js') &&
      listing.includes('package/openapi.yaml') &&
      listing.includes('package/schemas/conformance-report.schema.json'),
    'the tarball holds the compiled entry, openapi.yaml and the report schema',
  );
  check(
    !listing.some((f) => /\.ts$/.test(f)),
    'the tarball holds no TypeScript sources',
    listing.filter((f) => /\.ts$/.test(f)).join('\n'),
  );

  sh('mkdir', ['-p', app], work);
  // As docs/servers.md tells a consumer on npm >= 11: allow better-sqlite3's install script (the embedded mock needs it).
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'payscore-package-test', version: '1.0.0', private: true, allowScripts: { 'better-sqlite3': true } }, null, 2)}\n`,
  );
  // Hard links where the temporary folder shares the checkout's file system, else a real copy.
  let copied = sh('cp', ['-al', join(root, 'node_modules'), join(app, 'node_modules')], work);
  if (copied.status !== 0) {
    rmSync(join(app, 'node_modules'), { recursive: true, force: true });
    copied = sh('cp', ['-r', join(root, 'node_modules'), join(app, 'node_modules')], work);
  }
  if (copied.status === 0) rmSync(join(app, 'node_modules', '.package-lock.json'), { force: true }); // npm rewrites it: not through a hard link
  const flags = ['--no-audit', '--no-fund', '--save-dev'];
  let install = sh('npm', ['install', '--offline', ...flags, join(work, tarball)], app);
  if (install.status !== 0) install = sh('npm', ['install', '--prefer-offline', ...flags, join(work, tarball)], app);
  must(install.status === 0, 'npm install of the tarball into a fresh project', install.out);
  check(
    !existsSync(join(app, 'node_modules', 'typescript')) && !existsSync(join(app, 'node_modules', 'ts-node')),
    'no TypeScript toolchain is installed with it',
  );

  const embedded = sh('npx', ['--no-install', 'payscore-conformance', 'run', '--runs', '5'], app);
  check(
    embedded.status === 0,
    `npx payscore-conformance run (embedded mock) exits 0 (got ${embedded.status})`,
    embedded.out,
  );
  // The compiled Jest configuration of `run`, read as Jest reads it (suites/runConformance.test.ts guards the sources).
  check(!embedded.out.includes('Validation Warning'), 'the run prints no Jest configuration warning', embedded.out);
  checkReports(join(app, 'reports'));
  checkAuditClient();

  // pact verify runs from the installed package (its verifier child process is compiled JavaScript).
  const pacts = join(root, 'examples', 'pacts');
  const shop = join(pacts, 'example-merchant-shop-payscore-acquiringbank-serviceorder.json');
  const numeric = join(pacts, 'broken', 'example-merchant-numeric-order-id-payscore-acquiringbank-serviceorder.json');
  const verified = sh(
    'npx',
    ['--no-install', 'payscore-conformance', 'pact', 'verify', shop, '--reports', 'pact-reports'],
    app,
  );
  check(
    verified.status === 0,
    `npx payscore-conformance pact verify <example pact> exits 0 (got ${verified.status})`,
    verified.out,
  );
  check(existsSync(join(app, 'pact-reports', 'junit-pact.xml')), 'pact-reports/junit-pact.xml written');
  const refused = sh(
    'npx',
    ['--no-install', 'payscore-conformance', 'pact', 'verify', numeric, '--reports', 'pact-reports'],
    app,
  );
  check(
    refused.status === 1 && refused.out.includes('$.order_id'),
    `pact verify <numeric order_id pact> exits 1 naming $.order_id (got ${refused.status})`,
    refused.out,
  );

  const mock = await startMock();
  if (
    check(
      mock.started !== undefined,
      'npx payscore-conformance mock starts and prints its URL and profile',
      mock.output(),
    )
  ) {
    rmSync(join(app, 'reports'), { recursive: true, force: true });
    // A run against a target of its own never loads better-sqlite3: make loading it fail.
    const block = join(work, 'no-sqlite.js');
    writeFileSync(
      block,
      "const M = require('module'); const load = M._load; M._load = function (r, ...a) { if (r === 'better-sqlite3') throw new Error('better-sqlite3 is blocked by the package test'); return load.call(this, r, ...a); };\n",
    );
    const foreign = sh(
      'npx',
      ['--no-install', 'payscore-conformance', 'run', '--runs', '5', '--profile', mock.started.profile],
      app,
      { NODE_OPTIONS: `--require ${block}` },
    );
    check(
      foreign.status === 0,
      `npx payscore-conformance run --profile <mock profile> exits 0 without SQLite (got ${foreign.status})`,
      foreign.out,
    );
    checkReports(join(app, 'reports'), mock.started.url);
  }
  try {
    process.kill(-mock.child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  finish();
}

main().catch((error) => {
  console.error(error);
  failures += 1;
  finish();
});
