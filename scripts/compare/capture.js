// `capture`: runs every scenario inside one checkout (its own bin and node_modules), each with its own
// reports folder under the output folder (never the checkout's reports/), and writes one normalised
// record per scenario: OUT/<scenario>.json. The raw reports stay in OUT/raw/<scenario>/ for reading.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { normaliser } = require('./normalise');
const { readReports } = require('./readReports');
const { scenarios } = require('./scenarios');

/** The environment of every command: ours, never the caller's PAYSCORE_* settings. */
function baseEnv(keyPool) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PAYSCORE_')));
  // Keys from a pool kept between runs (the self-tests' pool): the commands skip ~1.5 s of RSA per key.
  return { ...env, PAYSCORE_TEST_KEY_POOL: keyPool, JEST_WORKER_ID: '', NO_COLOR: '1', FORCE_COLOR: '0' };
}

/** Starts the checkout's reference receiver on a free port; resolves once it prints its URL. */
function startReceiver(bin, cwd, env, dataDir, faults) {
  const args = [bin, 'receiver', '--port', '0', '--data-dir', dataDir, '--quiet'];
  for (const f of faults) args.push('--fault', f);
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = '';
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => (child.kill(), fail(new Error(`receiver did not start: ${seen}`))), 60_000);
    const listen = (chunk) => {
      seen += String(chunk);
      if (/listening on/.test(seen)) (clearTimeout(timer), ready(child));
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
    child.on('exit', (code) => (clearTimeout(timer), fail(new Error(`receiver exited ${code}: ${seen}`))));
  });
}

/** Runs one scenario; returns its normalised record. */
async function captureOne(checkout, out, scenario, keyPool) {
  const bin = join(checkout, 'bin', 'payscore-conformance.js');
  const dir = join(out, 'raw', scenario.name);
  const reports = join(dir, 'reports');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  const env = { ...baseEnv(keyPool), ...scenario.env };
  const receiverDir = join(dir, 'receiver');
  const receiver =
    scenario.receiver === undefined
      ? undefined
      : await startReceiver(bin, checkout, env, receiverDir, scenario.receiver);
  const argv = scenario.argv.map((a) =>
    a === 'REPORTS' ? reports : a === 'PROFILE' ? join(receiverDir, 'notify-profile.json') : a,
  );
  const started = Date.now();
  let result;
  try {
    result = spawnSync(process.execPath, [bin, ...argv], {
      cwd: checkout,
      env,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 15 * 60_000,
    });
  } finally {
    receiver?.removeAllListeners('exit');
    receiver?.kill();
  }
  const seconds = (Date.now() - started) / 1000;
  writeFileSync(join(dir, 'stdout.txt'), result.stdout ?? '');
  writeFileSync(join(dir, 'stderr.txt'), result.stderr ?? '');
  const exitCode =
    result.status ?? `signal ${result.signal ?? 'none'}${result.error ? `: ${result.error.message}` : ''}`;
  const meta = {
    scenario: scenario.name,
    checkout,
    out,
    argv,
    env: scenario.env ?? {},
    receiverFaults: scenario.receiver ?? null,
    exitCode,
  };
  writeFileSync(join(dir, 'meta.json'), `${JSON.stringify(meta, null, 1)}\n`);
  return { record: recordOf(dir), seconds };
}

/** The normalised record of one scenario from what its run left in `dir` (OUT/raw/<scenario>). */
function recordOf(dir) {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
  const norm = normaliser({ OUT: meta.out, CHECKOUT: meta.checkout });
  // Progress lines come in the order tests finish (concurrent): compared as sorted sets of lines.
  const lines = (file) =>
    norm
      .text(readFileSync(join(dir, file), 'utf8'))
      .split('\n')
      .filter((l) => l.trim() !== '')
      .sort();
  return {
    scenario: meta.scenario,
    argv: meta.argv.map(norm.text),
    env: meta.env,
    receiverFaults: meta.receiverFaults,
    exitCode: meta.exitCode,
    stdout: lines('stdout.txt'),
    stderr: lines('stderr.txt'),
    files: readReports(join(dir, 'reports'), norm),
  };
}

/** Rebuilds every record of a capture from its raw/ folder (after the normaliser changed; runs nothing). */
function renormalise(out) {
  const raw = join(out, 'raw');
  if (!existsSync(raw)) throw new Error(`${out}: no raw/ folder (not a capture)`);
  const names = readdirSync(raw).filter((n) => existsSync(join(raw, n, 'meta.json')));
  for (const name of names)
    writeFileSync(join(out, `${name}.json`), `${JSON.stringify(recordOf(join(raw, name)), null, 1)}\n`);
  return names;
}

/** Captures every scenario (or those named in `only`) of `checkout` into `out`. */
async function capture({ checkout, out, only, overrides, keyPool, log }) {
  const cwd = realpathSync(resolve(checkout));
  if (!existsSync(join(cwd, 'bin', 'payscore-conformance.js')))
    throw new Error(`--checkout ${checkout}: no bin/payscore-conformance.js there`);
  if (!existsSync(join(cwd, 'node_modules'))) throw new Error(`--checkout ${checkout}: no node_modules there`);
  mkdirSync(out, { recursive: true });
  const outDir = realpathSync(resolve(out));
  if (outDir.startsWith(`${cwd}/`)) throw new Error(`--out ${out} is inside the checkout; put it elsewhere`);
  const pool = keyPool ?? join(tmpdir(), 'payscore-conformance-test-keys');
  const chosen = scenarios(overrides).filter((s) => only.length === 0 || only.includes(s.name));
  const summary = [];
  for (const s of chosen) {
    const { record, seconds } = await captureOne(cwd, outDir, s, pool);
    writeFileSync(join(outDir, `${s.name}.json`), `${JSON.stringify(record, null, 1)}\n`);
    log(
      `${s.name}: exit ${record.exitCode}, ${Object.keys(record.files).length} report file(s), ${seconds.toFixed(1)} s`,
    );
    summary.push({ scenario: s.name, exitCode: record.exitCode, seconds });
  }
  writeFileSync(join(outDir, 'capture.json'), `${JSON.stringify({ checkout: cwd, scenarios: summary }, null, 1)}\n`);
  return summary;
}

module.exports = { capture, renormalise };
