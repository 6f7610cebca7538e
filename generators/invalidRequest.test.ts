import { invalidCases } from './invalidCases';
import { invalidRequest } from './invalidRequest';
import { assertArbitraryLaws, invalidLaw } from './laws.testkit';
import { defaultRequestConstraints } from './requestConstraints';

const constraints = defaultRequestConstraints();

describe('invalidRequest', () => {
  it('obeys the laws: deterministic per seed, each sample and each shrink breaks exactly its rule', () => {
    assertArbitraryLaws(invalidRequest(constraints), invalidLaw(constraints));
  });
});

describe('invalidCases', () => {
  const cases = invalidCases(constraints);
  it.each(cases.map((c) => [c.name, c] as const))('%s breaks exactly its rule', (_name, sample) => {
    expect(invalidLaw(constraints)(sample)).toBeUndefined();
  });

  it('has unique, stable names', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(invalidCases(defaultRequestConstraints(Date.UTC(2031, 5, 1))).map((c) => c.name)).toEqual(
      cases.map((c) => c.name),
    );
  });
});
