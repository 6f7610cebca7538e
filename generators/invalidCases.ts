import { allMutations, violationOf } from './allMutations';
import { baseRequest } from './baseRequest';
import { resolveConstraints } from './resolveConstraints';
import type { InvalidCase } from './invalidSample';
import type { RequestConstraints } from './requestConstraints';

/**
 * Deterministic invalid requests, at least one per generatable rule, each breaking exactly the
 * named rule of a fixed valid request. Names are stable (no dates, no randomness): suites use
 * them in test titles. The same mutations, on random valid requests, make invalidRequest.
 */
export function invalidCases(constraints: RequestConstraints): InvalidCase[] {
  const c = resolveConstraints(constraints);
  const base = baseRequest(c);
  return allMutations(c)
    .filter((m) => m.listed)
    .map((m) => ({ name: m.name, request: m.apply(base, c), violation: violationOf(m) }));
}
