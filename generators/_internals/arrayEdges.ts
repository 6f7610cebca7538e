import { edge, edgeOf, type Edge, type EdgeEntry } from './edge';
import { manyDiscounts, manyPayments } from './mutation';
import type { ResolvedConstraints } from './resolveConstraints';
import { ruleOfField as F } from './schemaFacts';

/** Whole arrays at their limits: as many items as allowed, and empty (a DECISION: EMPTY-ARRAYS-OK). */
export function arrayEdges(c: ResolvedConstraints): Edge[] {
  const l = c.limits;
  const entries: EdgeEntry[] = [
    edge(`${l.paymentsMaxItems} payments`, [F('/post_payments')], (r) => ({
      ...r,
      post_payments: manyPayments(l.paymentsMaxItems),
    })),
    edge('post_payments empty', ['EMPTY-ARRAYS-OK'], (r) => ({ ...r, post_payments: [] })),
    edge(`${l.discountsMaxItems} discounts`, [F('/post_discounts')], (r) => ({
      ...r,
      post_discounts: manyDiscounts(l.discountsMaxItems),
    })),
    edge('post_discounts empty', ['EMPTY-ARRAYS-OK'], (r) => ({ ...r, post_discounts: [] })),
  ];
  return entries.map(edgeOf);
}
