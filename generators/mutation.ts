import type { CreateOrderRequest, Payment, ServiceOrderCoupon } from '../specification';
import { fitPayments, uniqueNames } from './items';
import type { ResolvedConstraints } from './resolveConstraints';
import { toOpenidMode, toSubOpenidMode } from './userMode';

/** One way to break exactly one rule, applied to any valid request. */
export interface Mutation {
  /** Stable, for test titles: '<RULE-ID> <pointer> <what>'. */
  name: string;
  ruleId: string;
  /** Where the violation is (index 0 for array items). */
  pointer: string;
  /** Whether invalidCases lists it (alternatives such as extra wrong types only feed the arbitrary). */
  listed: boolean;
  apply(base: CreateOrderRequest, c: ResolvedConstraints): unknown;
}

/** `n` fresh payments with unique names and nothing to charge. */
export function manyPayments(n: number): Payment[] {
  return Array.from({ length: n }, (_, i) => ({ name: `项目${i + 1}`, amount: 0 }));
}

/** `n` fresh discounts with unique names and no amount (DISC-AMOUNT is a DECISION). */
export function manyDiscounts(n: number): ServiceOrderCoupon[] {
  return Array.from({ length: n }, (_, i) => ({ name: `优惠${i + 1}`, description: `第${i + 1}项优惠` }));
}

/**
 * A copy of a valid request made ready for a mutation at `path`, so the mutation breaks nothing
 * else: payments within half the cap (whatever happens to the discounts), the openid mode the
 * field needs, and the parents (an item, start_location) the field lives in.
 */
export function prepare(base: CreateOrderRequest, path: string, c: ResolvedConstraints): CreateOrderRequest {
  let r: CreateOrderRequest = structuredClone(base);
  if (r.post_payments !== undefined) r.post_payments = fitPayments(r.post_payments, Math.floor(c.riskFundCap / 2));
  if (path === '/openid' || path === '/need_user_confirm') r = toOpenidMode(r, c.identities);
  if (path === '/sub_openid') r = toSubOpenidMode(r, c.identities);
  if (path.startsWith('/post_payments/*') && (r.post_payments?.length ?? 0) === 0) r.post_payments = manyPayments(1);
  if (path.startsWith('/post_discounts/*') && (r.post_discounts?.length ?? 0) === 0)
    r.post_discounts = manyDiscounts(1);
  if (path.startsWith('/location/')) r.location = { ...r.location };
  if (path === '/location/end_location') r.location = { start_location: '起点', ...r.location };
  return r;
}

/** Ensures at least two payments with distinct ordinary names (for a duplicate). */
export function twoPayments(r: CreateOrderRequest, repeatable: readonly string[]): Payment[] {
  const items = [...(r.post_payments ?? []), ...manyPayments(2)].filter((p) => !repeatable.includes(p.name));
  return uniqueNames(items.length >= 2 ? items : manyPayments(2));
}
