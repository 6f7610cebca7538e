import { rule, type Basis } from '../../specification';
import type { Finding } from '../types';

/**
 * A finding carrying its rule's basis (rule() throws on an unknown id, so a typo never passes). It
 * names no check: the registry adds the name of the check that returned it (its key).
 */
export function failure(
  ruleId: string,
  message: string,
  pointer?: string,
  signedString?: string,
  basis?: Basis,
): Finding {
  const out: Finding = { ruleId, basis: basis ?? rule(ruleId).basis, message };
  if (pointer !== undefined) out.pointer = pointer;
  if (signedString !== undefined) out.signedString = signedString;
  return out;
}
