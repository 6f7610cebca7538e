// One word per meaning: the glossary (docs/reference.md, "Words") and the code's exported names kept in step.
// A new exported type that uses a glossary word must be placed in its entry; a name the glossary cites must
// exist; no two product files or exported names are spelled alike for two things.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const ROOT = join(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the layering data is plain CommonJS
const { LAYERS } = require('./layers') as { LAYERS: Array<{ folder: string; testOnly?: true }> };

/** The words the issue asked the glossary to define, beside the ones it already had. */
const REQUIRED = ['fault', 'reading', 'variation', 'policy', 'seam', 'blind spot', 'defect', 'scenario', 'driver'];
const ALSO_REQUIRED = ['case', 'finding', 'verdict', 'exchange', 'delivery', 'problem'];

/** Glossary word → the segment an exported type name carries when it uses that word. */
const CODE_WORDS: Record<string, string> = {
  finding: 'Finding',
  verdict: 'Verdict',
  fault: 'Fault',
  reading: 'Reading',
  variation: 'Variation',
  policy: 'Policy',
  scenario: 'Scenario',
  driver: 'Driver',
  case: 'Case',
  exchange: 'Exchange',
  delivery: 'Delivery',
  problem: 'Problem',
  seam: 'Seam',
  defect: 'Defect',
};

function glossary(): Map<string, string> {
  const page = readFileSync(join(ROOT, 'docs', 'reference.md'), 'utf8');
  const words = /^## Words\n([\s\S]*?)^## /m.exec(page)?.[1] ?? '';
  const entries = new Map<string, string>();
  for (const m of words.matchAll(/^- \*\*([^*]+)\*\*[^—\n]*— ([\s\S]*?)(?=^- \*\*|^\S|(?![\s\S]))/gm))
    entries.set(m[1]!.trim(), m[2]!.replace(/\s+/g, ' '));
  return entries;
}

const productFolders = LAYERS.filter((l) => l.testOnly !== true).map((l) => l.folder);

/** Every product source file (no tests, no test support); with `all`, test support too. */
function productFiles(all = false): string[] {
  const listed = execFileSync('git', ['ls-files', '--', ...productFolders.map((f) => `${f}/*.ts`)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return listed
    .split('\n')
    .filter((f) => f !== '' && !/\.test\.ts$|\.selftest\.ts$|\.suite\.ts$|\.d\.ts$/.test(f))
    .filter((f) => all || !f.includes('/testing/'));
}

/** Exported declarations of product code: name → files declaring it (overloads count once per file). */
function exportedNames(all = false): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const file of productFiles(all)) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/^export (?:declare )?(?:async )?(interface|type|class|function|const|enum) (\w+)/gm))
      names.set(m[2]!, (names.get(m[2]!) ?? new Set()).add(file));
  }
  return names;
}

const isTypeName = (n: string) => /^[A-Z][a-z]\w*$/.test(n);

describe('the glossary (docs/reference.md, "Words")', () => {
  const entries = glossary();
  const names = exportedNames();

  it('defines every word the project uses in more than one place', () => {
    for (const word of [...REQUIRED, ...ALSO_REQUIRED])
      expect({ word, defined: entries.has(word) }).toEqual({ word, defined: true });
  });

  it("places every exported type that uses a glossary word in that word's entry", () => {
    const missing: string[] = [];
    for (const [word, segment] of Object.entries(CODE_WORDS)) {
      const entry = entries.get(word) ?? '';
      for (const name of names.keys())
        if (isTypeName(name) && new RegExp(`${segment}(?![a-z])`).test(name) && !entry.includes(`\`${name}\``))
          missing.push(`${name} (word "${word}")`);
    }
    expect(missing).toEqual([]);
  });

  it('cites only names the code exports (a rename must reach the glossary)', () => {
    const everywhere = exportedNames(true);
    const cited = [...entries.values()].flatMap((text) =>
      [...text.matchAll(/`([A-Z][a-z][A-Za-z0-9]*|[A-Z][A-Z0-9]*_[A-Z0-9_]+)`/g)].map((m) => m[1]!),
    );
    // Environment variables are public names of the CLI, not exports.
    expect([...new Set(cited)].filter((n) => !everywhere.has(n) && !n.startsWith('PAYSCORE_'))).toEqual([]);
  });
});

describe('one spelling, one thing', () => {
  it("gives no two product files the same name (index.ts and types.ts are each folder's own)", () => {
    const byName = new Map<string, string[]>();
    for (const f of productFiles()) byName.set(basename(f), [...(byName.get(basename(f)) ?? []), f]);
    const twice = [...byName].filter(([n, fs]) => fs.length > 1 && n !== 'index.ts' && n !== 'types.ts');
    expect(twice).toEqual([]);
  });

  it('declares no exported name in two product files', () => {
    // A folder's index.ts may wrap a name of its own folder (a lazy loader): the same thing, not two.
    const twice = [...exportedNames()]
      .filter(([, files]) => [...files].filter((f) => basename(f) !== 'index.ts').length > 1)
      .map(([n, files]) => `${n}: ${[...files].join(', ')}`);
    expect(twice).toEqual([]);
  });
});
