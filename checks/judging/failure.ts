import { rule, type Basis } from '../../specification';
import type { CheckFinding } from '../types';

/**
 * A finding carrying its rule's basis (rule() throws on an unknown id, so a typo never passes). It
 * names no check: the registry adds the name of the check that returned it (its key).
 */
export function failure(
  ruleId: string,
  seen: string,
  where?: string,
  signedString?: string,
  basis?: Basis,
): CheckFinding {
  const out: CheckFinding = { ruleId, basis: basis ?? rule(ruleId).basis, seen };
  if (where !== undefined) out.where = where;
  if (signedString !== undefined) out.evidence = { signedString };
  return out;
}
