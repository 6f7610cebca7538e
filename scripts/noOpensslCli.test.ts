// No product code path runs the openssl CLI: certificates are issued in process (apiv3/x509), so an
// installed package works on a machine without openssl. Tests and benches may compare with it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAYERS } = require('./layers.js') as { LAYERS: Array<{ folder: string; testOnly?: true }> };

const ROOT = join(__dirname, '..');
const SKIPPED = new Set([
  'node_modules',
  'dist',
  'reports',
  '.git',
  ...LAYERS.filter((l) => l.testOnly).map((l) => l.folder),
]);
const TEST_CODE = /\.(test|selftest)\.ts$|(^|\/)testing\//;

/** A call of the openssl CLI: a child_process function given "openssl", or a file that spawns and names it. */
export function callsOpenssl(source: string): boolean {
  if (/\b(?:exec|execFile|spawn|fork)(?:Sync)?\s*\(\s*['"`]openssl\b/.test(source)) return true;
  return /['"]node:child_process['"]|['"]child_process['"]/.test(source) && /['"`]openssl\b/.test(source);
}

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dir === ROOT && SKIPPED.has(entry.name) ? [] : productFiles(path);
    const rel = relative(ROOT, path);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) && !TEST_CODE.test(rel) && !rel.startsWith('node_modules')
      ? [rel]
      : [];
  });
}

test('the detector sees a call of the openssl CLI, and not advice that names openssl', () => {
  expect(callsOpenssl("return execFileSync(\n    'openssl',\n    ['req', '-x509'])")).toBe(true);
  expect(callsOpenssl("import { spawn } from 'node:child_process';\nconst TOOL = 'openssl';\nspawn(TOOL, [])")).toBe(
    true,
  );
  expect(callsOpenssl("fix: 'convert it with `openssl pkcs12 -in a.p12 -nodes`'")).toBe(false);
});

test('no product file calls the openssl CLI', () => {
  const files = productFiles(ROOT);
  expect(files).toEqual(expect.arrayContaining(['mock/keys/platformCertificate.ts', 'apiv3/selfSignedPem.ts']));
  expect(files.filter((f) => callsOpenssl(readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
});
