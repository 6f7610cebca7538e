import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { preProcessFile } from 'typescript';
import { PACKAGE_ROOT } from './packageRoot';

// The test-kit convention (docs/reference.md, Layout): test support lives in <folder>/testing/ and no folder's
// index.ts re-exports it, so the product entry of a folder never hands out test helpers.

const SKIP = new Set(['node_modules', 'dist', 'reports', '.git']);

function indexFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : indexFiles(join(dir, entry.name));
    return entry.name === 'index.ts' ? [join(dir, entry.name)] : [];
  });
}

const inTesting = (path: string): boolean => path.split('/').includes('testing');

/** The module specifiers of a source text that point into a testing/ folder. */
function testingImports(source: string): string[] {
  return preProcessFile(source, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter(inTesting);
}

describe('test kits stay out of the product entries', () => {
  it('sees a re-export or an import of a testing/ folder', () => {
    expect(
      testingImports("export { validBody } from './testing';\nexport * from '../../specification/testing/validBody';"),
    ).toEqual(['./testing', '../../specification/testing/validBody']);
    expect(testingImports("import { x } from './testingTools';\nexport { y } from './y';")).toEqual([]);
  });

  const entries = indexFiles(PACKAGE_ROOT)
    .map((file) => relative(PACKAGE_ROOT, file))
    .filter((file) => !inTesting(file));

  it('finds the folders’ entries', () => {
    expect(entries).toEqual(expect.arrayContaining(['mock/index.ts', 'checks/index.ts', 'specification/index.ts']));
  });

  it.each(entries)('%s imports and re-exports no testing/ folder', (file) => {
    expect(testingImports(readFileSync(join(PACKAGE_ROOT, file), 'utf8'))).toEqual([]);
  });
});
