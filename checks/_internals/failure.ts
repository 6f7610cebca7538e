import { rule, type Basis } from '../../spec';
import type { CheckName } from '../checkName';
import type { CheckFailure } from '../types';

/** A failure carrying its rule's basis (rule() throws on an unknown id, so a typo never passes). */
export function failure(
  check: CheckName,
  ruleId: string,
  message: string,
  pointer?: string,
  signedString?: string,
  basis?: Basis,
): CheckFailure {
  const out: CheckFailure = { check, ruleId, basis: basis ?? rule(ruleId).basis, message };
  if (pointer !== undefined) out.pointer = pointer;
  if (signedString !== undefined) out.signedString = signedString;
  return out;
}
