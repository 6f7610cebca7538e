import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

// The data module and its two readers are plain CommonJS (eslint.config.mjs loads them without a compiler).
/* eslint-disable @typescript-eslint/no-require-imports */
const { picture, pictureIn } = require('./layers-picture.js') as {
  picture(): string;
  pictureIn(readme: string): string | undefined;
};
const { layerConfig } = require('./layer-zones.js') as { layerConfig(rootDir: string): Linter.Config[] };
const { assertDownstream } = require('./layers.js') as { assertDownstream(layers: unknown[]): unknown[] };
const { cyclesOf, importGraph, treeSources } = require('./import-cycles.js') as {
  importGraph(sources: Map<string, string>): Map<string, string[]>;
  cyclesOf(graph: Map<string, string[]>): string[][];
  treeSources(root: string): Map<string, string>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = join(__dirname, '..');

describe('docs/reference.md layering picture', () => {
  it('is the picture scripts/layers.js generates (npm run layers rewrites it)', () => {
    expect(pictureIn(readFileSync(join(ROOT, 'docs', 'reference.md'), 'utf8'))).toBe(picture());
  });
});

describe('scripts/layers.js', () => {
  it('refuses an arrow that points to a higher layer', () => {
    const upward = [
      { folder: 'specification', imports: ['checks'], why: '' },
      { folder: 'checks', imports: ['specification'], why: '' },
    ];
    expect(() => assertDownstream(upward)).toThrow('specification -> checks does not point to a lower layer');
  });
});

// The layering blocks alone, on a parser without type information: fixtures are text under real folders, so the
// resolver finds the real files they import.
describe('the layering lint rule', () => {
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layerConfig(ROOT)],
  });
  const problems = async (file: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
    return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
  };

  it('reports an upward import (judgement -> suites)', async () => {
    expect(await problems('judgement/fixture.ts', "import { DEFAULT_SEED } from '../suites';\n")).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*judgement\/ may import only specification\//),
    ]);
  });

  it('reports a deep import past a folder index.ts (cli -> suites/harness)', async () => {
    expect(await problems('cli/fixture.ts', "import { DEFAULT_SEED } from '../suites/harness';\n")).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*Import suites\/ through its index\.ts/),
    ]);
  });

  it('reports product code importing a testing/ folder, its own or another', async () => {
    expect(await problems('checks/fixture.ts', "import { testTarget } from '../client/testing';\n")).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*product code never imports a testing\/ folder/),
    ]);
    expect(await problems('mock/fixture.ts', "import { validBody } from './testing';\n")).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*Product code never imports a testing\/ folder/),
    ]);
  });

  it('lets test code import an allowed testing/ folder, and any file import an allowed index.ts', async () => {
    expect(await problems('checks/fixture.test.ts', "import { testTarget } from '../client/testing';\n")).toEqual([]);
    expect(await problems('bench/fixture.ts', "import { runAgainstMock } from '../suites/testing';\n")).toEqual([]);
    expect(await problems('checks/fixture.ts', "import { loadProfile } from '../client';\n")).toEqual([]);
  });

  it('still holds test code to the arrows', async () => {
    expect(
      await problems('specification/fixture.test.ts', "import { testTarget } from '../client/testing';\n"),
    ).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*specification\/ may not import another folder/),
    ]);
  });

  it('reports an import cycle (specification/index.ts importing apiv3, which imports specification)', async () => {
    const spec = readFileSync(join(ROOT, 'specification/index.ts'), 'utf8');
    const found = await problems(
      'specification/index.ts',
      `${spec}export { TIMESTAMP_WINDOW_SECONDS } from '../apiv3';\n`,
    );
    expect(found).toContainEqual(expect.stringMatching(/^import-x\/no-cycle: Dependency cycle/));
  });
});

// import-x/no-cycle skips type-only imports; scripts/import-cycles.js (run by npm run lint) counts them.
describe('import cycles, type-only imports included', () => {
  it('finds none in the tree', () => {
    expect(cyclesOf(importGraph(treeSources(ROOT)))).toEqual([]);
  });

  it('finds a cycle made of type-only imports, through an index.ts', () => {
    const sources = new Map([
      ['m/context.ts', "import type { Cache } from './handlers';\nexport interface Ctx { c: Cache }\n"],
      ['m/handlers/index.ts', "export type { Cache } from './cache';\n"],
      ['m/handlers/cache.ts', "import type { Ctx } from '../context';\nexport interface Cache { ctx: Ctx }\n"],
      ['m/other.ts', "import type { Ctx } from './context';\n"],
    ]);
    expect(cyclesOf(importGraph(sources))).toEqual([['m/context.ts', 'm/handlers/cache.ts', 'm/handlers/index.ts']]);
  });
});
