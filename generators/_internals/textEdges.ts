import { edgeOf, type Edge, type EdgeEntry } from './edge';
import { firstDiscount, firstPayment } from './itemEdits';
import type { ResolvedConstraints } from './resolveConstraints';
import { ruleOfField as F } from './schemaFacts';
import { fill, type Flavor } from './text';
import { toOpenidMode, toSubOpenidMode } from './userMode';

const FLAVORS: readonly Flavor[] = ['ascii', 'cjk', 'astral', 'mixed'];

/** Every string field at its length limits: introductions of each kind of character, names, remarks, ids. */
export function textEdges(c: ResolvedConstraints): Edge[] {
  const l = c.limits;
  const entries: EdgeEntry[] = [
    ...FLAVORS.map((flavor): EdgeEntry => ({
      name: `service_introduction of ${l.serviceIntroductionMaxLength} ${flavor} characters`,
      rules: [F('/service_introduction')],
      // One of the four joins 'every string field at its maximum'.
      ...(flavor === 'mixed' ? { maxString: true } : {}),
      build: (r) => ({ ...r, service_introduction: fill(l.serviceIntroductionMaxLength, flavor) }),
    })),
    {
      name: 'service_introduction of 1 character',
      rules: [F('/service_introduction')],
      build: (r) => ({ ...r, service_introduction: '租' }),
    },
    {
      name: `payment name of ${l.paymentNameMaxLength} characters`,
      rules: [F('/post_payments/*/name')],
      maxString: true,
      build: (r) => firstPayment(r, { name: fill(l.paymentNameMaxLength, 'cjk', 'P') }),
    },
    {
      name: `payment description of ${l.paymentDescriptionMaxLength} characters`,
      rules: [F('/post_payments/*/description')],
      maxString: true,
      build: (r) => firstPayment(r, { description: fill(l.paymentDescriptionMaxLength) }),
    },
    {
      name: `discount name of ${l.discountNameMaxLength} characters`,
      rules: [F('/post_discounts/*/name')],
      maxString: true,
      build: (r) => firstDiscount(r, { name: fill(l.discountNameMaxLength, 'cjk', 'D') }),
    },
    {
      name: `discount description of ${l.discountDescriptionMaxLength} characters`,
      rules: [F('/post_discounts/*/description')],
      maxString: true,
      build: (r) => firstDiscount(r, { description: fill(l.discountDescriptionMaxLength) }),
    },
    {
      name: `risk_fund description of ${l.riskDescriptionMaxLength} characters`,
      rules: [F('/risk_fund/description')],
      maxString: true,
      build: (r) => ({ ...r, risk_fund: { ...r.risk_fund, description: fill(l.riskDescriptionMaxLength) } }),
    },
    {
      name: `time remarks of ${l.timeRemarkMaxLength} characters`,
      rules: [F('/time_range/start_time_remark')],
      maxString: true,
      build: (r) => ({
        ...r,
        time_range: {
          ...r.time_range,
          start_time_remark: fill(l.timeRemarkMaxLength, 'cjk'),
          end_time_remark: fill(l.timeRemarkMaxLength, 'astral'),
        },
      }),
    },
    {
      name: `locations of ${l.locationMaxLength} characters`,
      rules: [F('/location/start_location')],
      maxString: true,
      build: (r) => ({
        ...r,
        location: { start_location: fill(l.locationMaxLength), end_location: fill(l.locationMaxLength, 'cjk') },
      }),
    },
    {
      name: `attach of ${l.attachMaxLength} characters`,
      rules: [F('/attach')],
      maxString: true,
      build: (r) => ({ ...r, attach: fill(l.attachMaxLength) }),
    },
    {
      name: 'attach empty',
      rules: [F('/attach')],
      build: (r) => ({ ...r, attach: '' }),
    },
    // openid is not among the bindings NO-AUTH checks; a real target may still not know this user.
    {
      name: `openid of ${l.openidMaxLength} characters`,
      rules: [F('/openid')],
      build: (r) => ({ ...toOpenidMode(r, c.identities), openid: fill(l.openidMaxLength, 'ascii', 'o') }),
    },
    {
      name: `sub_openid of ${l.openidMaxLength} characters`,
      rules: [F('/sub_openid')],
      build: (r) => ({ ...toSubOpenidMode(r, c.identities), sub_openid: fill(l.openidMaxLength, 'ascii', 's') }),
    },
  ];
  return entries.map(edgeOf);
}
