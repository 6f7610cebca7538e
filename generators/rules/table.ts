import { isRuleId, rule } from '../../specification';
import { ARRAY_RULES } from './arrays';
import type { RuleEntry } from '../ruleEntry';
import { IDENTITY_RULES } from './identities';
import { MODE_RULES } from './modes';
import { NUMBER_RULES } from './numbers';
import { OUT_ORDER_NO_RULES } from './outOrderNo';
import { RISK_FUND_RULES } from './riskFund';
import { STRING_RULES } from './strings';
import { TIME_RULES } from './times';
import { TYPE_RULES } from './types';

// The areas in the order their mutations, edges and repairs are taken: changing it changes what a seed draws.
const AREAS = [
  TYPE_RULES,
  IDENTITY_RULES,
  OUT_ORDER_NO_RULES,
  STRING_RULES,
  NUMBER_RULES,
  ARRAY_RULES,
  RISK_FUND_RULES,
  TIME_RULES,
  MODE_RULES,
];

function merge(): ReadonlyArray<readonly [string, RuleEntry]> {
  const seen = new Set<string>();
  return AREAS.flatMap((area) =>
    Object.entries(area).map(([id, entry]) => {
      if (seen.has(id)) throw new Error(`generators/rules: ${id} has two entries`);
      seen.add(id);
      return [id, entry] as const;
    }),
  );
}

/** Every generator entry, keyed by rule id (or family id), in table order. */
export const RULE_ENTRIES = merge();

const byId = new Map(RULE_ENTRIES);

/** The entry of a rule, or of its family ('TYPE-OUT-ORDER-NO' → 'TYPE-*'); undefined when it has none. */
export function entryOf(ruleId: string): RuleEntry | undefined {
  const family = isRuleId(ruleId) ? rule(ruleId).family : undefined;
  return byId.get(ruleId) ?? (family === undefined ? undefined : byId.get(family));
}
