import type { CreateOrderRequest } from '../specification';
import { baseRequest } from './baseRequest';
import { edges } from './edge';
import { finalize } from './finalize';
import { resolveConstraints } from './resolveConstraints';
import type { RequestConstraints } from './requestConstraints';

/** A named valid request pinned at one edge of the valid space. */
export interface BoundaryCase {
  name: string;
  /** The main rule whose limit the case sits on (suites report the case under it). */
  ruleId: string;
  /** Every rule whose limit the case sits on, ruleId first. */
  ruleIds: string[];
  request: CreateOrderRequest;
}

/**
 * Every edge, one valid request each, deterministic (no randomness; names carry no dates):
 * out_order_no of 32 and of 1 character with each of `_ - | *`, 20-character introductions
 * (ASCII, CJK, outside the BMP), 100 payments, 30 discounts, every string at its maximum, counts
 * 1 and 100, amount 0, risk amount 1 and the cap, attach 256, openid 128, ...
 */
export function boundaryCases(constraints: RequestConstraints): BoundaryCase[] {
  const c = resolveConstraints(constraints);
  const base = baseRequest(c);
  return edges(c).map((e) => ({
    name: e.name,
    ruleId: e.ruleIds[0]!,
    ruleIds: e.ruleIds,
    request: finalize(e.apply(structuredClone(base), c), c),
  }));
}
