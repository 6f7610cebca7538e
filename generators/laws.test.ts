import fc from 'fast-check';
import { assertArbitraryLaws, invalidLaw, validLaw } from './laws.testkit';
import { defaultRequestConstraints } from './requestConstraints';
import { validRequest } from './validRequest';

// The laws must be able to fail: broken arbitraries are caught.
const constraints = defaultRequestConstraints();

describe('assertArbitraryLaws', () => {
  it('rejects an arbitrary whose samples break the law', () => {
    const tooLong = validRequest(constraints).map((r) => ({ ...r, attach: 'x'.repeat(300) }));
    expect(() => assertArbitraryLaws(tooLong, validLaw(constraints), { numRuns: 5 })).toThrow(/seed: 42, path/); // replayable
  });

  it('rejects an arbitrary that is not deterministic per seed', () => {
    let calls = 0;
    const impure = fc.integer().map((n) => n + calls++);
    expect(() => assertArbitraryLaws(impure, () => undefined, { numRuns: 5 })).toThrow();
  });

  it('rejects an arbitrary whose shrunk values break the law', () => {
    // The law holds for the 5 samples and stops holding afterwards, i.e. while shrinking.
    let calls = 0;
    const law = () => (calls++ < 5 ? undefined : 'broken by shrinking');
    expect(() => assertArbitraryLaws(fc.integer({ min: 10, max: 1000 }), law, { numRuns: 5 })).toThrow();
    expect(calls).toBeGreaterThan(5);
  });

  it('rejects an invalid sample that breaks another rule than it names', () => {
    const sample = {
      request: { out_order_no: 1 },
      violation: {
        ruleId: 'OON-LENGTH',
        pointer: '/out_order_no',
        basis: 'SEED' as const,
        expect: { status: 400, codes: ['PARAM_ERROR'] },
      },
    };
    expect(invalidLaw(constraints)(sample)).toMatch(/expected only OON-LENGTH/);
  });
});
