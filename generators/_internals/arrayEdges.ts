import { edgeOf, type Edge, type EdgeEntry } from './edge';
import { manyDiscounts, manyPayments } from './mutation';
import type { ResolvedConstraints } from './resolveConstraints';
import { ruleOfField as F } from './schemaFacts';

/** Whole arrays at their limits: as many items as allowed, and empty (a DECISION: EMPTY-ARRAYS-OK). */
export function arrayEdges(c: ResolvedConstraints): Edge[] {
  const l = c.limits;
  const entries: EdgeEntry[] = [
    {
      name: `${l.paymentsMaxItems} payments`,
      rules: [F('/post_payments')],
      build: (r) => ({ ...r, post_payments: manyPayments(l.paymentsMaxItems) }),
    },
    {
      name: 'post_payments empty',
      rules: ['EMPTY-ARRAYS-OK'],
      build: (r) => ({ ...r, post_payments: [] }),
    },
    {
      name: `${l.discountsMaxItems} discounts`,
      rules: [F('/post_discounts')],
      build: (r) => ({ ...r, post_discounts: manyDiscounts(l.discountsMaxItems) }),
    },
    {
      name: 'post_discounts empty',
      rules: ['EMPTY-ARRAYS-OK'],
      build: (r) => ({ ...r, post_discounts: [] }),
    },
  ];
  return entries.map(edgeOf);
}
