import { fieldLimits, type CreateOrderRequest } from '../../spec';
import { edge, edgeOf, type Edge, type EdgeEntry } from './edge';
import { firstDiscount, firstPayment, paymentsOf } from './itemEdits';
import { manyPayments } from './mutation';
import type { ResolvedConstraints } from './resolveConstraints';
import { repeatablePaymentNames, ruleOfField as F } from './schemaFacts';

/** Payments summing to exactly the cap, with post_discounts absent: where RISK-CAP's sum applies. */
function paymentsAtCap(r: CreateOrderRequest, cap: number): CreateOrderRequest {
  const { post_discounts: _d, ...rest } = r;
  const [p, ...others] = paymentsOf(r);
  return {
    ...rest,
    post_payments: [{ ...p!, amount: cap }, ...others.map((o) => (o.amount === undefined ? o : { ...o, amount: 0 }))],
  };
}

/** risk_fund.amount set to `amount`. */
const riskAmount = (r: CreateOrderRequest, amount: number): CreateOrderRequest => ({
  ...r,
  risk_fund: { ...r.risk_fund, amount },
});

/** The last two payments (two fresh ones added if needed) named `name`, which may repeat. */
function lastTwoNamed(r: CreateOrderRequest, name: string): CreateOrderRequest {
  const items = paymentsOf(r);
  const padded = items.length >= 2 ? items : [...items, ...manyPayments(2)].slice(0, 2);
  return { ...r, post_payments: [...padded.slice(0, -2), ...padded.slice(-2).map((p) => ({ ...p, name }))] };
}

/** Item counts and amounts at their limits, the risk cap reached, and the payment names that may repeat. */
export function countEdges(c: ResolvedConstraints): Edge[] {
  const l = c.limits;
  const discountCountMin = fieldLimits('/post_discounts/*/count').minimum ?? 1;
  const entries: EdgeEntry[] = [
    ...[l.paymentCountMin, l.paymentCountMax].map((count) =>
      edge(`payment count ${count}`, [F('/post_payments/*/count')], (r) => firstPayment(r, { count })),
    ),
    edge('payment amount 0', [F('/post_payments/*/amount')], (r) => firstPayment(r, { amount: 0 })),
    ...[discountCountMin, l.discountCountMax].map((count) =>
      edge(`discount count ${count}`, [F('/post_discounts/*/count')], (r) => firstDiscount(r, { count })),
    ),
    // The only edge with a discount amount: whether create takes one is a DECISION (DISC-AMOUNT).
    edge('discount amount 0', [F('/post_discounts/*/amount')], (r) => firstDiscount(r, { amount: 0 })),
    edge(`risk_fund amount ${l.riskAmountMin}`, [F('/risk_fund/amount')], (r) => riskAmount(r, l.riskAmountMin)),
    edge('risk_fund amount equal to the cap', ['RISK-CAP'], (r) => riskAmount(r, c.riskFundCap)),
    edge('payments summing to the cap without discounts', ['RISK-CAP'], (r) => paymentsAtCap(r, c.riskFundCap)),
    ...repeatablePaymentNames().map((name) =>
      edge(`payment name ${name} repeated`, ['PAY-NAME-UNIQUE'], (r) => lastTwoNamed(r, name)),
    ),
  ];
  return entries.map(edgeOf);
}
