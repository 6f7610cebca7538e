import fc from 'fast-check';
import { allMutations, violationOf } from './allMutations';
import { resolveConstraints } from './resolveConstraints';
import type { InvalidSample } from './invalidSample';
import type { RequestConstraints } from './requestConstraints';
import { validRequest } from './validRequest';

/**
 * Requests that break exactly one rule and are valid otherwise, with that rule's id, pointer,
 * basis and expected answer (from rule(id)). Every mutation of invalidCases, plus alternative
 * wrong types, applied to random valid requests; shrinking shrinks the valid part only, so the
 * violation stays intact.
 */
export function invalidRequest(constraints: RequestConstraints): fc.Arbitrary<InvalidSample> {
  const c = resolveConstraints(constraints);
  const mutations = allMutations(c);
  return fc.tuple(validRequest(constraints), fc.constantFrom(...mutations)).map(([base, m]) => ({
    request: m.apply(base, c),
    violation: violationOf(m),
  }));
}
