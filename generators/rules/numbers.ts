import { fieldLimits } from '../../specification';
import { schemaMutations } from '../fieldMutations';
import { firstDiscount, firstPayment } from '../itemEdits';
import { defineRules, type EdgeCase } from '../ruleEntry';

/** A number edge. */
const number = (name: string, build: EdgeCase['build']): EdgeCase => ({ name, stage: 'number', build });

/** Counts and amounts of the items: their limits, and whether a discount may carry an amount at all. */
export const NUMBER_RULES = defineRules('numbers', {
  'PAY-COUNT': {
    fieldMutations: schemaMutations,
    edges: ({ limits: l }) =>
      [l.paymentCountMin, l.paymentCountMax].map((count) =>
        number(`payment count ${count}`, (r) => firstPayment(r, { count })),
      ),
  },
  'PAY-AMOUNT': {
    fieldMutations: schemaMutations,
    edges: () => [number('payment amount 0', (r) => firstPayment(r, { amount: 0 }))],
  },
  'DISC-COUNT': {
    fieldMutations: schemaMutations,
    edges: ({ limits: l }) =>
      [fieldLimits('/post_discounts/*/count').minimum ?? 1, l.discountCountMax].map((count) =>
        number(`discount count ${count}`, (r) => firstDiscount(r, { count })),
      ),
  },
  // Sources disagree whether create takes a discount amount (a DECISION): a correct target may refuse one
  // as an unknown field, so no SEED or SIBLING verdict may rest on a request that carries one.
  'DISC-AMOUNT': {
    fieldMutations: schemaMutations,
    edges: () => [number('discount amount 0', (r) => firstDiscount(r, { amount: 0 }))],
    guards: ['/post_discounts/*/amount'],
  },
});
