import type { CreateOrderRequest, Payment, ServiceOrderCoupon } from '../specification';
import { manyDiscounts, manyPayments } from './mutation';

// How an edge pins one item's field: on the request's first item, or on a fresh one when the
// request has none (an edge must hold whatever valid request it is applied to).

type R = CreateOrderRequest;

/** A copy of the payments, one fresh payment when there are none. */
export const paymentsOf = (r: R): Payment[] => (r.post_payments?.length ? [...r.post_payments] : manyPayments(1));

/** A copy of the discounts, one fresh discount when there are none. */
export const discountsOf = (r: R): ServiceOrderCoupon[] =>
  r.post_discounts?.length ? [...r.post_discounts] : manyDiscounts(1);

/** The request with `patch` over its first payment. */
export function firstPayment(r: R, patch: Partial<Payment>): R {
  const [p, ...rest] = paymentsOf(r);
  return { ...r, post_payments: [{ ...p!, ...patch }, ...rest] };
}

/** The request with `patch` over its first discount. */
export function firstDiscount(r: R, patch: Partial<ServiceOrderCoupon>): R {
  const [d, ...rest] = discountsOf(r);
  return { ...r, post_discounts: [{ ...d!, ...patch }, ...rest] };
}
