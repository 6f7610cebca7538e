import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'payscore-conformance';

/**
 * The folder holding this package's package.json and openapi.yaml: the checkout when the sources
 * run, `node_modules/payscore-conformance` when the compiled package (dist/) runs. Walking up from
 * this file works for both, and never depends on process.cwd().
 */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME)
      return dir;
    if (dirname(dir) === dir) throw new Error(`no ${PACKAGE_NAME} package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(__dirname);

/** name and version from package.json (written once, there). */
export function packageInfo(): { name: string; version: string } {
  const { name, version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return { name, version };
}
