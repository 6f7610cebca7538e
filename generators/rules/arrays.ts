import type { CreateOrderRequest } from '../../specification';
import { schemaMutations } from '../fieldMutations';
import { paymentsOf } from '../itemEdits';
import { uniqueNames } from '../items';
import { manyDiscounts, manyPayments, prepare, twoPayments } from '../mutation';
import type { ResolvedConstraints } from '../resolveConstraints';
import { repeatablePaymentNames } from '../schemaFacts';
import { defineRules, type MutationCase } from '../ruleEntry';

type R = CreateOrderRequest;
// Most of these rules need no field-specific preparation.
const prepared = (base: R, c: ResolvedConstraints): R => prepare(base, '', c);

/** The last two payments (two fresh ones added if needed) named `name`, which may repeat. */
function lastTwoNamed(r: R, name: string): R {
  const items = paymentsOf(r);
  const padded = items.length >= 2 ? items : [...items, ...manyPayments(2)].slice(0, 2);
  return { ...r, post_payments: [...padded.slice(0, -2), ...padded.slice(-2).map((p) => ({ ...p, name }))] };
}

/** The first payment with a name and count only (neither amount nor description), the others kept. */
function firstPaymentBare(r: R): R {
  const [first, ...others] = r.post_payments ?? manyPayments(1);
  return { ...r, post_payments: [{ name: first?.name ?? '项目', count: 2 }, ...others] };
}

/** A second discount with the first one's name (and another description), the others kept. */
function secondDiscountNamedAsFirst(r: R): R {
  const first = r.post_discounts?.[0] ?? { name: '优惠', description: '立减' };
  return { ...r, post_discounts: [first, { ...first, description: '再减' }, ...(r.post_discounts ?? []).slice(1)] };
}

const samePaymentNames: MutationCase['apply'] = (base, c) => {
  const r = prepared(base, c);
  const [a, b, ...rest] = twoPayments(r, repeatablePaymentNames());
  return { ...r, post_payments: [a!, { ...b!, name: a!.name }, ...rest] };
};

/** post_payments and post_discounts: how many items, what an item needs, and unique names. */
export const ARRAY_RULES = defineRules('arrays', {
  'PAYMENTS-MAX': {
    fieldMutations: schemaMutations,
    edges: ({ limits: l }) => [
      {
        name: `${l.paymentsMaxItems} payments`,
        stage: 'payments',
        build: (r) => ({ ...r, post_payments: manyPayments(l.paymentsMaxItems) }),
      },
    ],
  },
  'DISCOUNTS-MAX': {
    fieldMutations: schemaMutations,
    edges: ({ limits: l }) => [
      {
        name: `${l.discountsMaxItems} discounts`,
        stage: 'discounts',
        build: (r) => ({ ...r, post_discounts: manyDiscounts(l.discountsMaxItems) }),
      },
    ],
  },
  'PAY-AMOUNT-OR-DESC': {
    mutations: (c) => [
      {
        what: 'payment with neither amount nor description',
        pointer: '/post_payments/0',
        apply: (base) => firstPaymentBare(prepare(base, '/post_payments/*/name', c)),
      },
    ],
  },
  'PAY-NAME-UNIQUE': {
    mutations: () => [
      { what: 'two payments with the same name', pointer: '/post_payments/1/name', apply: samePaymentNames },
    ],
    // The names that may repeat (x-repeatable-names) are the edge of this rule.
    edges: () =>
      repeatablePaymentNames().map((name) => ({
        name: `payment name ${name} repeated`,
        stage: 'repeated-name' as const,
        build: (r: R) => lastTwoNamed(r, name),
      })),
    repair: (r) =>
      r.post_payments === undefined
        ? r
        : { ...r, post_payments: uniqueNames(r.post_payments, repeatablePaymentNames()) },
  },
  'DISC-NAME-UNIQUE': {
    mutations: () => [
      {
        what: 'two discounts with the same name',
        pointer: '/post_discounts/1/name',
        apply: (base, c) => secondDiscountNamedAsFirst(prepared(base, c)),
      },
    ],
    repair: (r) => (r.post_discounts === undefined ? r : { ...r, post_discounts: uniqueNames(r.post_discounts) }),
  },
});
