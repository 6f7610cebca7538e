import { rule, type CreateOrderRequest } from '../../spec';
import { manyPayments, mutation, prepare, twoPayments, type Mutation } from './mutation';
import type { ResolvedConstraints } from './resolveConstraints';
import { objectSchemaAt, repeatablePaymentNames } from './schemaFacts';
import { toOpenidMode, toSubOpenidMode } from './userMode';

// Rule ids of the cross-field rules, checked against the catalogue when the module loads.
const OPENID_EXCLUSIVE = rule('OPENID-EXCLUSIVE').id;
const SUBOPENID_NEEDS_SUBAPPID = rule('SUBOPENID-NEEDS-SUBAPPID').id;
const PAY_AMOUNT_OR_DESC = rule('PAY-AMOUNT-OR-DESC').id;
const PAY_NAME_UNIQUE = rule('PAY-NAME-UNIQUE').id;
const DISC_NAME_UNIQUE = rule('DISC-NAME-UNIQUE').id;
const RISK_CAP = rule('RISK-CAP').id;
const RISK_CAP_EMPTY_DISCOUNTS = rule('RISK-CAP-EMPTY-DISCOUNTS').id;

function locEndNeedsStart(): string {
  const byKeyword = objectSchemaAt('/location')['x-rule-by-keyword'] as Record<string, string> | undefined;
  return rule(byKeyword?.['dependentRequired'] ?? 'LOC-END-NEEDS-START').id;
}

/** The first payment with a name and count only (neither amount nor description), the others kept. */
function firstPaymentBare(r: CreateOrderRequest): CreateOrderRequest {
  const [first, ...others] = r.post_payments ?? manyPayments(1);
  return { ...r, post_payments: [{ name: first?.name ?? '项目', count: 2 }, ...others] };
}

/** A second discount with the first one's name (and another description), the others kept. */
function secondDiscountNamedAsFirst(r: CreateOrderRequest): CreateOrderRequest {
  const first = r.post_discounts?.[0] ?? { name: '优惠', description: '立减' };
  return { ...r, post_discounts: [first, { ...first, description: '再减' }, ...(r.post_discounts ?? []).slice(1)] };
}

/** The rules between fields: openid modes, location, payments and discounts, the risk cap. */
export function crossFieldMutations(c: ResolvedConstraints): Mutation[] {
  const ids = c.identities;
  const repeatable = repeatablePaymentNames();
  // Most of these rules need no field-specific preparation.
  const prepared = (base: CreateOrderRequest): CreateOrderRequest => prepare(base, '', c);
  return [
    mutation(
      `${OPENID_EXCLUSIVE} both openid and sub_openid, need_user_confirm absent`,
      OPENID_EXCLUSIVE,
      '',
      (base) => ({ ...toOpenidMode(base, ids), sub_openid: ids.sub_openid, sub_appid: ids.sub_appid }),
    ),
    mutation(
      `${OPENID_EXCLUSIVE} both openid and sub_openid, need_user_confirm false`,
      OPENID_EXCLUSIVE,
      '',
      (base) => ({
        ...toOpenidMode(base, ids),
        sub_openid: ids.sub_openid,
        sub_appid: ids.sub_appid,
        need_user_confirm: false,
      }),
    ),
    mutation(
      `${OPENID_EXCLUSIVE} neither openid nor sub_openid, need_user_confirm absent`,
      OPENID_EXCLUSIVE,
      '',
      (base) => {
        const { openid: _o, sub_openid: _s, need_user_confirm: _n, ...rest } = base;
        return rest;
      },
    ),
    mutation(
      `${OPENID_EXCLUSIVE} neither openid nor sub_openid, need_user_confirm false`,
      OPENID_EXCLUSIVE,
      '',
      (base) => {
        const { openid: _o, sub_openid: _s, ...rest } = base;
        return { ...rest, need_user_confirm: false };
      },
    ),
    mutation(
      `${SUBOPENID_NEEDS_SUBAPPID} sub_openid without sub_appid`,
      SUBOPENID_NEEDS_SUBAPPID,
      '/sub_appid',
      (base) => {
        const { sub_appid: _a, ...rest } = toSubOpenidMode(base, ids);
        return rest;
      },
    ),
    mutation(
      `${locEndNeedsStart()} end_location without start_location`,
      locEndNeedsStart(),
      '/location/end_location',
      (base) => ({ ...base, location: { end_location: '终点' } }),
    ),
    mutation(
      `${PAY_AMOUNT_OR_DESC} payment with neither amount nor description`,
      PAY_AMOUNT_OR_DESC,
      '/post_payments/0',
      (base) => firstPaymentBare(prepare(base, '/post_payments/*/name', c)),
    ),
    mutation(`${PAY_NAME_UNIQUE} two payments with the same name`, PAY_NAME_UNIQUE, '/post_payments/1/name', (base) => {
      const r = prepared(base);
      const [a, b, ...rest] = twoPayments(r, repeatable);
      return { ...r, post_payments: [a!, { ...b!, name: a!.name }, ...rest] };
    }),
    mutation(
      `${DISC_NAME_UNIQUE} two discounts with the same name`,
      DISC_NAME_UNIQUE,
      '/post_discounts/1/name',
      (base) => secondDiscountNamedAsFirst(prepared(base)),
    ),
    mutation(`${RISK_CAP} risk_fund.amount = cap + 1`, RISK_CAP, '/risk_fund/amount', (base) => {
      const r = prepared(base);
      return { ...r, risk_fund: { ...r.risk_fund, amount: c.riskFundCap + 1 } };
    }),
    // Whether [] means "no discounts" is open (§8): RISK-CAP is asserted with post_discounts absent.
    ...(['absent', 'empty'] as const).map((discounts) => {
      const ruleId = discounts === 'empty' ? RISK_CAP_EMPTY_DISCOUNTS : RISK_CAP;
      return mutation(
        `${ruleId} payments sum to cap + 1, post_discounts ${discounts}`,
        ruleId,
        '/post_payments',
        (base) => {
          const { post_discounts: _d, ...r } = prepared(base);
          const [first, ...others] = r.post_payments?.length ? r.post_payments : manyPayments(1);
          const payments = [
            { ...first!, amount: c.riskFundCap + 1 },
            ...others.map((p) => (p.amount === undefined ? p : { ...p, amount: 0 })),
          ];
          return { ...r, post_payments: payments, ...(discounts === 'empty' ? { post_discounts: [] } : {}) };
        },
      );
    }),
  ];
}
