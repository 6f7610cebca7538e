import { lstatSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// What this package derives from openapi.yaml and keeps in the temp folder between processes: Jest
// loads the specification module again for every test file, and each would otherwise parse and compile anew.

/** The path of a kept file in the temp folder. */
export const tempCachePath = (name: string): string => join(tmpdir(), `payscore-conformance-${name}`);

/**
 * The text of a kept file, or undefined. The temp folder is shared: trust only a file this user
 * wrote and no one else can change, itself (a link could point anywhere).
 */
export function readTrusted(path: string): string | undefined {
  try {
    const stat = lstatSync(path);
    const ours = process.getuid === undefined || stat.uid === process.getuid();
    if (stat.isFile() && ours && (stat.mode & 0o022) === 0) return readFileSync(path, 'utf8');
  } catch {
    // Not kept yet (or torn): the caller derives it anew.
  }
  return undefined;
}

/** Keeps `text` at `path`, whole or not at all (a reader never sees half a file). */
export function keep(path: string, text: string): void {
  try {
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, text, { mode: 0o600 });
    renameSync(partial, path);
  } catch {
    // A read-only temp folder costs the time saved, nothing else.
  }
}
