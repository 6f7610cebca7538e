import { fieldLimits, type CreateOrderRequest, type Payment, type ServiceOrderCoupon } from '../../spec';
import { manyDiscounts, manyPayments } from './mutation';
import type { ResolvedConstraints } from './resolveConstraints';
import { outOrderNoAlphabet, repeatablePaymentNames, ruleOfField } from './schemaFacts';
import { fill, type Flavor } from './text';
import { edge, maxEdge, type Edge } from './edge';
import { timeEdges } from './timeEdges';
import { toOpenidMode, toSubOpenidMode } from './userMode';

type R = CreateOrderRequest;
const F = (path: string, keyword?: string): string => ruleOfField(path, keyword);
const payments = (r: R): Payment[] => (r.post_payments?.length ? [...r.post_payments] : manyPayments(1));
const discounts = (r: R): ServiceOrderCoupon[] => (r.post_discounts?.length ? [...r.post_discounts] : manyDiscounts(1));
const firstPayment = (r: R, patch: Partial<Payment>): R => {
  const [p, ...rest] = payments(r);
  return { ...r, post_payments: [{ ...p!, ...patch }, ...rest] };
};
const firstDiscount = (r: R, patch: Partial<ServiceOrderCoupon>): R => {
  const [d, ...rest] = discounts(r);
  return { ...r, post_discounts: [{ ...d!, ...patch }, ...rest] };
};
const ALNUM = 'PSC0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

function outOrderNoEdges(c: ResolvedConstraints): Edge[] {
  const max = c.limits.outOrderNoMaxLength;
  const { specials } = outOrderNoAlphabet();
  const alnum = ALNUM.slice(0, max);
  // Every fourth character is the special one, the rest stays alphanumeric (room for withUniqueOutOrderNo).
  const spread = (chars: string[]) =>
    [...alnum].map((ch, i) => (i % 4 === 3 ? chars[Math.floor(i / 4) % chars.length]! : ch)).join('');
  return [
    maxEdge(`out_order_no of ${max} alphanumeric characters`, [F('/out_order_no')], (r) => ({
      ...r,
      out_order_no: alnum,
    })),
    ...specials.map((s) =>
      edge(
        `out_order_no of ${max} characters with "${s}"`,
        [F('/out_order_no'), F('/out_order_no', 'pattern')],
        (r) => ({ ...r, out_order_no: spread([s]) }),
      ),
    ),
    edge(
      `out_order_no of ${max} characters with all of ${specials.join(' ')}`,
      [F('/out_order_no'), F('/out_order_no', 'pattern')],
      (r) => ({ ...r, out_order_no: spread(specials) }),
    ),
    edge('out_order_no of 1 alphanumeric character', [F('/out_order_no')], (r) => ({ ...r, out_order_no: 'A' })),
    ...specials.map((s) =>
      edge(`out_order_no of 1 character "${s}"`, [F('/out_order_no'), F('/out_order_no', 'pattern')], (r) => ({
        ...r,
        out_order_no: s,
      })),
    ),
  ];
}

function textEdges(c: ResolvedConstraints): Edge[] {
  const l = c.limits;
  const intro = (flavor: Flavor) =>
    (flavor === 'mixed' ? maxEdge : edge)(
      `service_introduction of ${l.serviceIntroductionMaxLength} ${flavor} characters`,
      [F('/service_introduction')],
      (r) => ({ ...r, service_introduction: fill(l.serviceIntroductionMaxLength, flavor) }),
    );
  return [
    ...(['ascii', 'cjk', 'astral', 'mixed'] as const).map(intro),
    edge('service_introduction of 1 character', [F('/service_introduction')], (r) => ({
      ...r,
      service_introduction: '租',
    })),
    maxEdge(`payment name of ${l.paymentNameMaxLength} characters`, [F('/post_payments/*/name')], (r) =>
      firstPayment(r, { name: fill(l.paymentNameMaxLength, 'cjk', 'P') }),
    ),
    maxEdge(
      `payment description of ${l.paymentDescriptionMaxLength} characters`,
      [F('/post_payments/*/description')],
      (r) => firstPayment(r, { description: fill(l.paymentDescriptionMaxLength) }),
    ),
    maxEdge(`discount name of ${l.discountNameMaxLength} characters`, [F('/post_discounts/*/name')], (r) =>
      firstDiscount(r, { name: fill(l.discountNameMaxLength, 'cjk', 'D') }),
    ),
    maxEdge(
      `discount description of ${l.discountDescriptionMaxLength} characters`,
      [F('/post_discounts/*/description')],
      (r) => firstDiscount(r, { description: fill(l.discountDescriptionMaxLength) }),
    ),
    maxEdge(
      `risk_fund description of ${l.riskDescriptionMaxLength} characters`,
      [F('/risk_fund/description')],
      (r) => ({ ...r, risk_fund: { ...r.risk_fund, description: fill(l.riskDescriptionMaxLength) } }),
    ),
    maxEdge(`time remarks of ${l.timeRemarkMaxLength} characters`, [F('/time_range/start_time_remark')], (r) => ({
      ...r,
      time_range: {
        ...r.time_range,
        start_time_remark: fill(l.timeRemarkMaxLength, 'cjk'),
        end_time_remark: fill(l.timeRemarkMaxLength, 'astral'),
      },
    })),
    maxEdge(`locations of ${l.locationMaxLength} characters`, [F('/location/start_location')], (r) => ({
      ...r,
      location: { start_location: fill(l.locationMaxLength), end_location: fill(l.locationMaxLength, 'cjk') },
    })),
    maxEdge(`attach of ${l.attachMaxLength} characters`, [F('/attach')], (r) => ({
      ...r,
      attach: fill(l.attachMaxLength),
    })),
    edge('attach empty', [F('/attach')], (r) => ({ ...r, attach: '' })),
    // openid is not among the bindings NO-AUTH checks; a real target may still not know this user.
    edge(`openid of ${l.openidMaxLength} characters`, [F('/openid')], (r) => ({
      ...toOpenidMode(r, c.identities),
      openid: fill(l.openidMaxLength, 'ascii', 'o'),
    })),
    edge(`sub_openid of ${l.openidMaxLength} characters`, [F('/sub_openid')], (r) => ({
      ...toSubOpenidMode(r, c.identities),
      sub_openid: fill(l.openidMaxLength, 'ascii', 's'),
    })),
  ];
}

function countEdges(c: ResolvedConstraints): Edge[] {
  const l = c.limits;
  const repeatable = repeatablePaymentNames();
  const discountCountMin = fieldLimits('/post_discounts/*/count').minimum ?? 1;
  return [
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
    edge(`payment count ${l.paymentCountMin}`, [F('/post_payments/*/count')], (r) =>
      firstPayment(r, { count: l.paymentCountMin }),
    ),
    edge(`payment count ${l.paymentCountMax}`, [F('/post_payments/*/count')], (r) =>
      firstPayment(r, { count: l.paymentCountMax }),
    ),
    edge('payment amount 0', [F('/post_payments/*/amount')], (r) => firstPayment(r, { amount: 0 })),
    edge(`discount count ${discountCountMin}`, [F('/post_discounts/*/count')], (r) =>
      firstDiscount(r, { count: discountCountMin }),
    ),
    edge(`discount count ${l.discountCountMax}`, [F('/post_discounts/*/count')], (r) =>
      firstDiscount(r, { count: l.discountCountMax }),
    ),
    edge('discount amount 0', [F('/post_discounts/*/amount')], (r) => firstDiscount(r, { amount: 0 })),
    edge(`risk_fund amount ${l.riskAmountMin}`, [F('/risk_fund/amount')], (r) => ({
      ...r,
      risk_fund: { ...r.risk_fund, amount: l.riskAmountMin },
    })),
    edge('risk_fund amount equal to the cap', ['RISK-CAP'], (r) => ({
      ...r,
      risk_fund: { ...r.risk_fund, amount: c.riskFundCap },
    })),
    edge('payments summing to the cap without discounts', ['RISK-CAP'], (r) => {
      const { post_discounts: _d, ...rest } = r;
      const [p, ...others] = payments(r);
      return {
        ...rest,
        post_payments: [
          { ...p!, amount: c.riskFundCap },
          ...others.map((o) => (o.amount === undefined ? o : { ...o, amount: 0 })),
        ],
      };
    }),
    ...repeatable.map((name) =>
      edge(`payment name ${name} repeated`, ['PAY-NAME-UNIQUE'], (r) => {
        const items = payments(r);
        const padded = items.length >= 2 ? items : [...items, ...manyPayments(2)].slice(0, 2);
        return { ...r, post_payments: [...padded.slice(0, -2), ...padded.slice(-2).map((p) => ({ ...p, name }))] };
      }),
    ),
  ];
}

/** Every edge, structural ones (whole arrays) before the ones that pin an item's field. */
export function edges(c: ResolvedConstraints): Edge[] {
  const all = [
    ...countEdges(c).slice(0, 4),
    ...outOrderNoEdges(c),
    ...textEdges(c),
    ...countEdges(c).slice(4),
    ...notifyEdge(c),
    ...timeEdges(c),
  ];
  const everyMax = all.filter((e) => e.maxString === true);
  const rules = [...new Set(everyMax.flatMap((e) => e.ruleIds))];
  return [
    ...all,
    edge('every string field at its maximum', rules, (r) => everyMax.reduce((acc, e) => e.apply(acc, c), r)),
  ];
}

/** notify_url padded to its maximum with a query parameter, when the profile's URL leaves room. */
function notifyEdge(c: ResolvedConstraints): Edge[] {
  const max = c.limits.notifyUrlMaxLength;
  const url = c.notifyUrl;
  const joiner = url.includes('?') ? '&' : '?';
  const room = max - [...url].length - joiner.length - 'pad='.length;
  if (url.includes('#') || room < 1) return [];
  return [
    maxEdge(`notify_url of ${max} characters`, [F('/notify_url')], (r) => ({
      ...r,
      notify_url: `${url}${joiner}pad=${'x'.repeat(room)}`,
    })),
  ];
}
