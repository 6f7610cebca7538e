import type { CreateOrderRequest } from '../../spec';
import { withinCap } from './assemble';
import { uniqueNames } from './items';
import type { ResolvedConstraints } from './resolveConstraints';
import { repeatablePaymentNames } from './schemaFacts';

/** After edges are combined: names unique again, payment sum and risk amount within the cap. */
export function finalize(r: CreateOrderRequest, c: ResolvedConstraints): CreateOrderRequest {
  const out: CreateOrderRequest = {
    ...r,
    risk_fund: { ...r.risk_fund, amount: Math.min(r.risk_fund.amount, c.riskFundCap) },
  };
  if (r.post_payments !== undefined) out.post_payments = uniqueNames(r.post_payments, repeatablePaymentNames());
  if (r.post_discounts !== undefined) out.post_discounts = uniqueNames(r.post_discounts);
  return withinCap(out, c.riskFundCap);
}
