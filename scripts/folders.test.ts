import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// The folder convention of scripts/layers.js (its header): one index.ts per folder as its only door, role
// sub-folders with an index.ts of their own, testing/ for test kits, no `_internals/`.
/* eslint-disable @typescript-eslint/no-require-imports -- the data module is plain CommonJS (eslint reads it) */
const { LAYERS, FENCE_PENDING } = require('./layers.js') as {
  LAYERS: { folder: string }[];
  FENCE_PENDING: { folder: string; until: string }[];
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = join(__dirname, '..');
const pending = (folder: string): boolean =>
  FENCE_PENDING.some((p) => folder === p.folder || folder.startsWith(`${p.folder}/`));

/** Every sub-folder of the layer folders (relative, `/`-separated), testing/ folders and their insides left out. */
function subFolders(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = `${dir}/${name}`;
      if (name === 'node_modules' || name === 'testing' || !statSync(join(ROOT, path)).isDirectory()) continue;
      found.push(path);
      walk(path);
    }
  };
  for (const { folder } of LAYERS) walk(folder);
  return found;
}

const tsFiles = (dir: string): string[] => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts'));

/** Relative module specifiers of a file: import/export … from, import(), require(). */
const specifiers = (source: string): string[] =>
  [...source.matchAll(/(?:from\s+|import\(\s*|require\(\s*)'(\.{1,2}\/[^']*)'/g)].map((m) => m[1] ?? '');

function allTsFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = `${dir}/${name}`;
      if (name === 'node_modules') continue;
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) files.push(path);
    }
  };
  for (const { folder } of LAYERS) walk(folder);
  return files;
}

/** Imports from outside a sub-folder that pass its index.ts by (into its testing/ is allowed). */
function deepImportsInto(folders: string[]): string[] {
  const deep: string[] = [];
  for (const file of allTsFiles()) {
    for (const spec of specifiers(readFileSync(join(ROOT, file), 'utf8'))) {
      const target = relative(ROOT, resolve(ROOT, dirname(file), spec))
        .split(sep)
        .join('/');
      const into = folders.find((r) => target.startsWith(`${r}/`) && !file.startsWith(`${r}/`));
      if (into !== undefined && !target.startsWith(`${into}/testing`) && target !== `${into}/index`)
        deep.push(`${file} -> ${spec}`);
    }
  }
  return deep;
}

describe('the folder convention (scripts/layers.js)', () => {
  const folders = subFolders();
  const roles = folders.filter((f) => tsFiles(f).length > 0 && !pending(f));

  it('has no _internals/ folder: whatever index.ts does not export is internal already', () => {
    expect(folders.filter((f) => f.endsWith('/_internals') && !pending(f))).toEqual([]);
  });

  it('gives every sub-folder holding TypeScript an index.ts, unless it is testing/', () => {
    expect(roles.filter((f) => !existsSync(join(ROOT, f, 'index.ts')))).toEqual([]);
  });

  it('enters a role sub-folder from outside only through its index.ts', () => {
    expect(deepImportsInto(roles)).toEqual([]);
  });

  it('names a pending folder only while it is still unfenced', () => {
    const unfenced = (f: string): boolean =>
      f.endsWith('/_internals') ||
      (tsFiles(f).length > 0 && !existsSync(join(ROOT, f, 'index.ts'))) ||
      deepImportsInto([f]).length > 0;
    expect(FENCE_PENDING.filter((p) => !existsSync(join(ROOT, p.folder)) || !unfenced(p.folder))).toEqual([]);
  });
});
