import { boundaryRequest } from './boundaryRequest';
import { invalidRequest } from './invalidRequest';
import { assertArbitraryLaws, invalidLaw, LAW_SEED, validLaw } from './laws.testkit';
import { lawDepth } from './testing/depth';
import { defaultRequestConstraints } from './requestConstraints';
import { validRequest } from './validRequest';

// The laws at depth: lawDepth() samples per arbitrary (20,000; 100,000 in `npm run bench depth`) on
// the fixed seed, schema and business rules judged together, plus the values shrinking reaches. The
// default law tests run 200 samples; a defect that shows once in a thousand samples (two rules broken
// at once) only shows here.
const DEPTH = lawDepth();
const constraints = defaultRequestConstraints();
jest.setTimeout(600_000);

describe(`the generator laws at ${DEPTH.toLocaleString('en')} samples (seed ${LAW_SEED})`, () => {
  it('validRequest: every sample breaks no rule', () => {
    assertArbitraryLaws(validRequest(constraints), validLaw(constraints), { numRuns: DEPTH, shrinkSamples: 5 });
  });
  it('boundaryRequest: every combination of edges breaks no rule', () => {
    assertArbitraryLaws(boundaryRequest(constraints), validLaw(constraints), { numRuns: DEPTH, shrinkSamples: 5 });
  });
  it('invalidRequest: every sample breaks exactly the rule it names, at its pointer', () => {
    assertArbitraryLaws(invalidRequest(constraints), invalidLaw(constraints), { numRuns: DEPTH, shrinkSamples: 5 });
  });
});
