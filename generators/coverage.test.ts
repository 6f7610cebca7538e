import { ruleCatalogue } from '../spec';
import { defaultRequestConstraints } from './requestConstraints';
import { invalidCases } from './invalidCases';
import { NOT_GENERATABLE } from './notGeneratable';

// Every schema or business rule of openapi.yaml either has an invalid case or a stated reason.
const violationRules = ruleCatalogue().filter((r) => r.enforcement === 'schema' || r.enforcement === 'business');
const generated = new Set(invalidCases(defaultRequestConstraints()).map((c) => c.violation.ruleId));

describe('invalid generator coverage of the rule catalogue', () => {
  it.each(violationRules.map((r) => [r.id] as const))('%s has an invalid case or a reason it has none', (id) => {
    expect(generated.has(id) || NOT_GENERATABLE[id] !== undefined).toBe(true);
  });

  it('lists no generated rule and no unknown rule id as not generatable', () => {
    const ids = new Set(violationRules.map((r) => r.id));
    expect(Object.keys(NOT_GENERATABLE).filter((id) => generated.has(id) || !ids.has(id))).toEqual([]);
  });

  it('generates only rules of the catalogue that have an expected answer', () => {
    for (const id of generated) expect(violationRules.find((r) => r.id === id)?.expect).toBeDefined();
  });
});
