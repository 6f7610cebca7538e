import { rule, ruleCatalogue, type Rule } from '../specification';
import { allMutations } from './allMutations';
import { ruleAt } from './fieldMutations';
import { resolveConstraints } from './resolveConstraints';
import { fields, ruleOfField } from './schemaFacts';
import { defaultRequestConstraints } from './requestConstraints';
import { KEYWORDS, type RuleEntry } from './ruleEntry';
import { RULE_ENTRIES } from './rules';

/** What the coverage check looks at, passed in so a test can hand it a table with an entry missing. */
export interface CoverageInput {
  rules: readonly Rule[];
  entries: ReadonlyArray<readonly [string, RuleEntry]>;
  /** Rule ids some mutation breaks, and rule ids some edge sits on first. */
  generated: ReadonlySet<string>;
  edged: ReadonlySet<string>;
}

/** The rules a field of the request is bound to (x-rule, x-rule-by-keyword, its TYPE-* member). */
function fieldBoundRules(): Set<string> {
  return new Set(
    fields().flatMap((f) => [
      ruleOfField(f.path),
      ...KEYWORDS.map((k) => ruleAt(f, k)).filter((id): id is string => id !== undefined),
    ]),
  );
}

/** The generator table as it is. */
export function currentCoverageInput(): CoverageInput {
  const c = resolveConstraints(defaultRequestConstraints());
  const edged = RULE_ENTRIES.filter(([, e]) => (e.edges?.(c).length ?? 0) > 0).map(([id]) => id);
  return {
    rules: ruleCatalogue(),
    entries: RULE_ENTRIES,
    generated: new Set(allMutations(c).map((m) => m.ruleId)),
    edged: new Set(edged),
  };
}

/**
 * Everything wrong with the generator table against the catalogue, one line each: a schema or business
 * rule with no entry, an entry with no mutation and no reason, a reason for a rule that is generated, an
 * entry on a rule of another kind, edges of a rule between fields with no repair, a guarded field sent
 * by a rule that is not DECISION.
 */
export function coverageProblems({ rules, entries, generated, edged }: CoverageInput): string[] {
  const byId = new Map(entries);
  const entryOf = (r: Rule) => byId.get(r.id) ?? (r.family === undefined ? undefined : byId.get(r.family));
  const onBody = rules.filter((r) => r.enforcement === 'schema' || r.enforcement === 'business');
  const bound = fieldBoundRules();
  const problems: string[] = [];
  for (const r of onBody) {
    const entry = entryOf(r);
    const has = generated.has(r.id);
    if (entry === undefined)
      problems.push(`${r.id}: no entry in generators/rules/ (add one; notGeneratable says why it has no mutation)`);
    else if (!has && entry.notGeneratable === undefined)
      problems.push(`${r.id}: no mutation, and its entry gives no notGeneratable reason`);
    else if (has && entry.notGeneratable !== undefined)
      problems.push(`${r.id}: has mutations, yet its entry says notGeneratable`);
    if (has && r.expect === undefined) problems.push(`${r.id}: mutated, but openapi.yaml gives it no expect`);
  }
  for (const [id, entry] of entries) {
    const declared = rules.find((r) => r.id === id || r.family === id);
    if (declared === undefined) problems.push(`${id}: an entry for no rule of the catalogue`);
    else if (declared.enforcement !== 'schema' && declared.enforcement !== 'business')
      problems.push(`${id}: an entry for a ${declared.enforcement} rule (generators make request bodies only)`);
    if (edged.has(id) && !bound.has(id) && entry.repair === undefined)
      problems.push(`${id}: ties fields together and has edges, but no repair (or { none: why })`);
    if ((entry.sends?.length ?? 0) > 0 && rule(id).basis !== 'DECISION')
      problems.push(`${id}: sends a guarded field, but is ${rule(id).basis}; only DECISION rules may`);
  }
  return problems;
}
