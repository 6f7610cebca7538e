import type { CreateOrderRequest } from '../../specification';
import { withinCap } from '../assemble';
import { schemaMutations } from '../fieldMutations';
import { paymentsOf } from '../itemEdits';
import { manyPayments, prepare } from '../mutation';
import type { ResolvedConstraints } from '../resolveConstraints';
import { defineRules, type EdgeCase, type MutationCase } from '../ruleEntry';

type R = CreateOrderRequest;

/** risk_fund.amount set to `amount`. */
const riskAmount = (r: R, amount: number): R => ({ ...r, risk_fund: { ...r.risk_fund, amount } });

/** Payments summing to exactly the cap, with post_discounts absent: where RISK-CAP's sum applies. */
function paymentsAtCap(r: R, cap: number): R {
  const { post_discounts: _d, ...rest } = r;
  const [p, ...others] = paymentsOf(r);
  return {
    ...rest,
    post_payments: [{ ...p!, amount: cap }, ...others.map((o) => (o.amount === undefined ? o : { ...o, amount: 0 }))],
  };
}

/** Payments summing to cap + 1, post_discounts absent or `[]` (whether [] means "no discounts" is open, §8). */
function paymentsOverCap(discounts: 'absent' | 'empty', c: ResolvedConstraints): MutationCase {
  return {
    what: `payments sum to cap + 1, post_discounts ${discounts}`,
    pointer: '/post_payments',
    apply: (base) => {
      const { post_discounts: _d, ...r } = prepare(base, '', c);
      const [first, ...others] = r.post_payments?.length ? r.post_payments : manyPayments(1);
      const payments = [
        { ...first!, amount: c.riskFundCap + 1 },
        ...others.map((p) => (p.amount === undefined ? p : { ...p, amount: 0 })),
      ];
      return { ...r, post_payments: payments, ...(discounts === 'empty' ? { post_discounts: [] } : {}) };
    },
  };
}

const number = (name: string, build: EdgeCase['build']): EdgeCase => ({ name, stage: 'number', build });

/** The deposit: its fields, and the cap of the service on it and on the payments. */
export const RISK_FUND_RULES = defineRules('riskFund', {
  'RISK-REQUIRED': { fieldMutations: schemaMutations },
  'RISK-NAME': { fieldMutations: schemaMutations },
  'RISK-AMOUNT': {
    fieldMutations: schemaMutations,
    edges: ({ limits: l }) => [number(`risk_fund amount ${l.riskAmountMin}`, (r) => riskAmount(r, l.riskAmountMin))],
  },
  'RISK-CAP': {
    mutations: (c) => [
      {
        what: 'risk_fund.amount = cap + 1',
        pointer: '/risk_fund/amount',
        apply: (base) => riskAmount(prepare(base, '', c), c.riskFundCap + 1),
      },
      paymentsOverCap('absent', c),
    ],
    edges: (c) => [
      number('risk_fund amount equal to the cap', (r) => riskAmount(r, c.riskFundCap)),
      number('payments summing to the cap without discounts', (r) => paymentsAtCap(r, c.riskFundCap)),
    ],
    // Edges that raise the deposit or the payments, combined, may pass the cap: bring both back within it.
    repair: (r, c) => withinCap(riskAmount(r, Math.min(r.risk_fund.amount, c.riskFundCap)), c.riskFundCap),
  },
  'RISK-CAP-EMPTY-DISCOUNTS': { mutations: (c) => [paymentsOverCap('empty', c)] },
  'RISK-CAP-WITH-DISCOUNTS': {
    notGeneratable:
      'not a violation, and not sent: valid requests keep payments within the cap in every reading of the sources',
  },
  'RISK-NAME-SERVICE': {
    notGeneratable:
      'service configuration of the target: the specification module cannot know which names a service_id may use',
  },
});
