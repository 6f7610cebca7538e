import type { CreateOrderRequest } from '../specification';
import { RULE_ENTRIES } from './rules';
import type { ResolvedConstraints } from './resolveConstraints';

/** After edges are combined: every rule's repair in table order (names unique again, amounts within the cap). */
export function finalize(r: CreateOrderRequest, c: ResolvedConstraints): CreateOrderRequest {
  return RULE_ENTRIES.reduce((acc, [, entry]) => (typeof entry.repair === 'function' ? entry.repair(acc, c) : acc), r);
}
