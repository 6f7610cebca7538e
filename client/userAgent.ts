import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let cached: string | undefined;

/** `payscore-conformance/<version>`, the version read from package.json (written once, there). */
export function userAgent(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { name: string; version: string };
    cached = `${pkg.name}/${pkg.version}`;
  }
  return cached;
}
