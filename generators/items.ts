import fc from 'fast-check';
import type { Payment, RiskFund, RiskFundName, ServiceOrderCoupon } from '../specification';
import type { ResolvedConstraints } from './resolveConstraints';
import { repeatablePaymentNames } from './schemaFacts';
import { text } from './text';

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drops undefined members, so optional fields are absent rather than undefined. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function paymentWith(name: fc.Arbitrary<string>, c: ResolvedConstraints): fc.Arbitrary<Payment> {
  const l = c.limits;
  const body = fc.oneof(
    fc.record({ amount: fc.integer({ min: 0, max: c.riskFundCap }) }),
    fc.record({ description: text(1, l.paymentDescriptionMaxLength) }),
    fc.record({
      amount: fc.integer({ min: 0, max: c.riskFundCap }),
      description: text(1, l.paymentDescriptionMaxLength),
    }),
  );
  const count = optional(fc.integer({ min: l.paymentCountMin, max: l.paymentCountMax }));
  return fc.tuple(name, body, count).map(([n, b, k]) => compact({ name: n, ...b, count: k }) as Payment);
}

/** post_payments: unique names, plus items named with a repeatable name (商品信息) that may repeat; never empty. */
export function paymentsArbitrary(c: ResolvedConstraints): fc.Arbitrary<Payment[]> {
  const repeatable = repeatablePaymentNames();
  const name = text(1, c.limits.paymentNameMaxLength).filter((n) => !repeatable.includes(n));
  // Never empty: whether [] is accepted is a DECISION (EMPTY-ARRAYS-OK), sent only by boundaryCases.
  const unique = fc.uniqueArray(paymentWith(name, c), {
    selector: (p) => p.name,
    minLength: 1,
    maxLength: c.limits.paymentsMaxItems,
  });
  const repeated =
    repeatable.length === 0
      ? fc.constant([])
      : fc.array(paymentWith(fc.constantFrom(...repeatable), c), { maxLength: 3 });
  return fc.tuple(repeated, unique).map(([r, u]) => [...r, ...u].slice(0, c.limits.paymentsMaxItems));
}

/**
 * post_discounts: unique names, description required, no amount: sources disagree whether create
 * takes one (DISC-AMOUNT, a DECISION), so only the boundary edge labelled DISC-AMOUNT sends it.
 */
export function discountsArbitrary(c: ResolvedConstraints): fc.Arbitrary<ServiceOrderCoupon[]> {
  const l = c.limits;
  const discount = fc
    .tuple(
      text(1, l.discountNameMaxLength),
      text(1, l.discountDescriptionMaxLength),
      optional(fc.integer({ min: l.paymentCountMin, max: l.discountCountMax })),
    )
    .map(([name, description, count]) => compact({ name, description, count }) as ServiceOrderCoupon);
  return fc.uniqueArray(discount, { selector: (d) => d.name, minLength: 1, maxLength: l.discountsMaxItems });
}

export function riskFundArbitrary(c: ResolvedConstraints): fc.Arbitrary<RiskFund> {
  const l = c.limits;
  return fc
    .tuple(
      fc.constantFrom(...(l.riskFundNames as readonly RiskFundName[])),
      fc.integer({ min: l.riskAmountMin, max: c.riskFundCap }),
      optional(text(1, l.riskDescriptionMaxLength)),
    )
    .map(([name, amount, description]) => compact({ name, amount, description }) as RiskFund);
}

/** Scales payment amounts down so that they sum to at most `budget` (RISK-CAP's second form). */
export function fitPayments(payments: Payment[], budget: number): Payment[] {
  const sum = payments.reduce((acc, p) => acc + (p.amount ?? 0), 0);
  if (sum <= budget) return payments;
  return payments.map((p) => (p.amount === undefined ? p : { ...p, amount: Math.floor((p.amount * budget) / sum) }));
}

/** Renames later duplicates (except repeatable names) so names are unique; the first keeps its name. */
export function uniqueNames<T extends { name: string }>(items: T[], repeatable: readonly string[] = []): T[] {
  const seen = new Set<string>();
  return items.map((item, i) => {
    let name = item.name;
    for (let k = 0; seen.has(name) && !repeatable.includes(name); k++) name = `N${i}_${k}`;
    seen.add(name);
    return name === item.name ? item : { ...item, name };
  });
}
