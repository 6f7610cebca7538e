import { rule } from '../../spec';
import type { GeneratedViolation } from '../invalidSample';
import { crossFieldMutations } from './crossFieldMutations';
import { fieldMutations } from './fieldMutations';
import type { Mutation } from './mutation';
import type { ResolvedConstraints } from './resolveConstraints';
import { timeMutations } from './timeMutations';

/** Every mutation, in a stable order: field rules in schema order, then cross-field, then time. */
export function allMutations(c: ResolvedConstraints): Mutation[] {
  return [...fieldMutations(c), ...crossFieldMutations(c), ...timeMutations(c)];
}

/** The violation record of a mutation, with basis and expectation from the rule catalogue. */
export function violationOf(m: Mutation): GeneratedViolation {
  const r = rule(m.ruleId);
  if (r.expect === undefined)
    throw new Error(`rule ${m.ruleId} has no expect in openapi.yaml, so it is not a violation`);
  return { ruleId: r.id, pointer: m.pointer, basis: r.basis, expect: r.expect };
}
