import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../specification';
import { STAGES, type RuleEntry } from '../ruleEntry';

// CONTRIBUTING.md teaches the generator tables: it must name every area file, every field of an entry and
// every stage, so that adding one without a word there fails here.
const contributing = readFileSync(join(PACKAGE_ROOT, 'CONTRIBUTING.md'), 'utf8');
const NOT_AREAS = new Set(['index', 'table']);
const areas = readdirSync(__dirname)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -'.ts'.length))
  .filter((name) => !NOT_AREAS.has(name));
// A field added to RuleEntry fails to compile here until it is listed, and then fails below until documented.
const ENTRY_FIELDS: Record<keyof RuleEntry, true> = {
  fieldMutations: true,
  mutations: true,
  notGeneratable: true,
  edges: true,
  repair: true,
  guards: true,
  sends: true,
};

describe('CONTRIBUTING.md and the generator tables agree', () => {
  it.each(areas)('names the area %s', (area) => expect(contributing).toContain(`\`${area}\``));
  it.each(Object.keys(ENTRY_FIELDS))('explains the entry field %s', (field) =>
    expect(contributing).toContain(field === 'sends' ? '**sends**' : `\`${field}\``),
  );
  it.each([...STAGES])('names the stage %s', (stage) => expect(contributing).toContain(`\`${stage}\``));
  it('finds the areas (the test can fail)', () => expect(areas.length).toBeGreaterThanOrEqual(9));
});
