import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { packageInfo } from '../specification';
import { sha256 } from './provenance';

export const MANIFEST_FILE = 'manifest.json';

export interface Manifest {
  tool: { name: string; version: string };
  algorithm: 'sha256';
  /** Every file under the reports folder but the manifest itself, by path relative to it ('/'-separated). */
  files: Record<string, string>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Writes `<reportsDir>/manifest.json`: the SHA-256 of every report file, so a filed report can be checked as untouched. */
export function writeManifest(reportsDir: string): Manifest {
  const files = filesUnder(reportsDir)
    .map((f) => relative(reportsDir, f).split(sep).join('/'))
    .filter((f) => f !== MANIFEST_FILE)
    .sort();
  const manifest: Manifest = {
    tool: packageInfo(),
    algorithm: 'sha256',
    files: Object.fromEntries(files.map((f) => [f, sha256(readFileSync(join(reportsDir, f)))])),
  };
  writeFileSync(join(reportsDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
