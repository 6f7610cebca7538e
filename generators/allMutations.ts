import { rule } from '../specification';
import type { GeneratedViolation } from './invalidSample';
import { KEYWORDS, type MutationCase } from './ruleEntry';
import { entryOf, RULE_ENTRIES } from './rules';
import { ruleAt } from './fieldMutations';
import type { Mutation } from './mutation';
import type { ResolvedConstraints } from './resolveConstraints';
import { fields } from './schemaFacts';

const named = (ruleId: string, m: MutationCase): Mutation => ({
  name: `${ruleId} ${m.what}`,
  ruleId,
  pointer: m.pointer,
  listed: m.listed ?? true,
  apply: m.apply,
});

/** The field walk: each field in schema order, each keyword in KEYWORDS order, by the entry of its rule. */
function walkFields(c: ResolvedConstraints): Mutation[] {
  return fields().flatMap((field) =>
    KEYWORDS.flatMap((keyword) => {
      const ruleId = ruleAt(field, keyword);
      if (ruleId === undefined) return [];
      const entry = entryOf(ruleId);
      if (entry === undefined) throw new Error(`generators/rules: ${ruleId} (${field.path} ${keyword}) has no entry`);
      return (entry.fieldMutations?.(field, keyword, c) ?? []).map((m) => named(ruleId, m));
    }),
  );
}

/** Every mutation, in a stable order: the field walk, then each entry's own in table order. */
export function allMutations(c: ResolvedConstraints): Mutation[] {
  const own = RULE_ENTRIES.flatMap(([ruleId, entry]) => (entry.mutations?.(c) ?? []).map((m) => named(ruleId, m)));
  return [...walkFields(c), ...own];
}

/** The violation record of a mutation, with basis and expectation from the rule catalogue. */
export function violationOf(m: Mutation): GeneratedViolation {
  const r = rule(m.ruleId);
  if (r.expect === undefined)
    throw new Error(`rule ${m.ruleId} has no expect in openapi.yaml, so it is not a violation`);
  return { ruleId: r.id, pointer: m.pointer, basis: r.basis, expect: r.expect };
}
