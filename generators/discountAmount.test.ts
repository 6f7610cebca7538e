import fc from 'fast-check';
import { rule } from '../spec';
import { boundaryCases } from './boundaryCases';
import { invalidCases } from './invalidCases';
import { LAW_SEED, lawRuns } from './laws.testkit';
import { defaultRequestConstraints } from './requestConstraints';
import { validRequest } from './validRequest';

// Whether create takes a discount amount is a DECISION (DISC-AMOUNT): a correct target may refuse
// one as an unknown field. So only requests labelled DISC-AMOUNT, or breaking the amount field
// itself, may carry one; everything a SEED or SIBLING verdict rests on sends discounts without.
const constraints = defaultRequestConstraints();
const DISC_AMOUNT = rule('DISC-AMOUNT').id;
const AMOUNT_POINTER = /^\/post_discounts\/\d+\/amount$/;
const carriesAmount = (request: unknown): boolean => {
  const discounts = (request as { post_discounts?: unknown } | null)?.post_discounts;
  return Array.isArray(discounts) && discounts.some((d) => typeof d === 'object' && d !== null && 'amount' in d);
};

describe('discount amounts (DISC-AMOUNT is a DECISION)', () => {
  it('no valid request sends one', () => {
    const samples = fc.sample(validRequest(constraints), { seed: LAW_SEED, numRuns: lawRuns() });
    expect(samples.filter(carriesAmount)).toEqual([]);
    expect(samples.some((r) => (r.post_discounts?.length ?? 0) > 0)).toBe(true);
  });

  it('only boundary cases labelled DISC-AMOUNT send one, and at least one does', () => {
    const cases = boundaryCases(constraints);
    expect(
      cases.filter((c) => carriesAmount(c.request) && !c.ruleIds.includes(DISC_AMOUNT)).map((c) => c.name),
    ).toEqual([]);
    expect(cases.some((c) => c.ruleId === DISC_AMOUNT && carriesAmount(c.request))).toBe(true);
  });

  it('only invalid cases that break the amount field itself send one', () => {
    const cases = invalidCases(constraints);
    const others = cases.filter((c) => !AMOUNT_POINTER.test(c.violation.pointer));
    expect(others.filter((c) => carriesAmount(c.request)).map((c) => c.name)).toEqual([]);
    expect(cases.some((c) => c.violation.ruleId === DISC_AMOUNT && carriesAmount(c.request))).toBe(true);
  });
});
