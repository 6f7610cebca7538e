import { fieldLimits, type CreateOrderRequest } from '../../spec';
import { edgeOf, type Edge, type EdgeEntry } from './edge';
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
    {
      name: `payment count ${l.paymentCountMin}`,
      rules: [F('/post_payments/*/count')],
      build: (r) => firstPayment(r, { count: l.paymentCountMin }),
    },
    {
      name: `payment count ${l.paymentCountMax}`,
      rules: [F('/post_payments/*/count')],
      build: (r) => firstPayment(r, { count: l.paymentCountMax }),
    },
    {
      name: 'payment amount 0',
      rules: [F('/post_payments/*/amount')],
      build: (r) => firstPayment(r, { amount: 0 }),
    },
    {
      name: `discount count ${discountCountMin}`,
      rules: [F('/post_discounts/*/count')],
      build: (r) => firstDiscount(r, { count: discountCountMin }),
    },
    {
      name: `discount count ${l.discountCountMax}`,
      rules: [F('/post_discounts/*/count')],
      build: (r) => firstDiscount(r, { count: l.discountCountMax }),
    },
    // The only edge with a discount amount: whether create takes one is a DECISION (DISC-AMOUNT).
    {
      name: 'discount amount 0',
      rules: [F('/post_discounts/*/amount')],
      build: (r) => firstDiscount(r, { amount: 0 }),
    },
    {
      name: `risk_fund amount ${l.riskAmountMin}`,
      rules: [F('/risk_fund/amount')],
      build: (r) => ({ ...r, risk_fund: { ...r.risk_fund, amount: l.riskAmountMin } }),
    },
    {
      name: 'risk_fund amount equal to the cap',
      rules: ['RISK-CAP'],
      build: (r) => ({ ...r, risk_fund: { ...r.risk_fund, amount: c.riskFundCap } }),
    },
    {
      name: 'payments summing to the cap without discounts',
      rules: ['RISK-CAP'],
      build: (r) => paymentsAtCap(r, c.riskFundCap),
    },
    ...repeatablePaymentNames().map((name): EdgeEntry => ({
      name: `payment name ${name} repeated`,
      rules: ['PAY-NAME-UNIQUE'],
      build: (r) => lastTwoNamed(r, name),
    })),
  ];
  return entries.map(edgeOf);
}
