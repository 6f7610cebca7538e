import type { Limits } from '../../spec';
import { edge, edgeOf, maxStringEdge, type Edge, type EdgeEntry } from './edge';
import { firstDiscount, firstPayment } from './itemEdits';
import type { ResolvedConstraints } from './resolveConstraints';
import { ruleOfField as F } from './schemaFacts';
import { fill, type Flavor } from './text';
import { toOpenidMode, toSubOpenidMode } from './userMode';

const FLAVORS: readonly Flavor[] = ['ascii', 'cjk', 'astral', 'mixed'];

/** Each item kind's first name (CJK, with a prefix) and description at their maxima: payments, then discounts. */
function itemTextEdges(l: Limits): EdgeEntry[] {
  const kinds = [
    ['payment', '/post_payments/*', firstPayment, l.paymentNameMaxLength, l.paymentDescriptionMaxLength, 'P'],
    ['discount', '/post_discounts/*', firstDiscount, l.discountNameMaxLength, l.discountDescriptionMaxLength, 'D'],
  ] as const;
  return kinds.flatMap(([kind, items, first, nameMax, descriptionMax, prefix]) => [
    maxStringEdge(`${kind} name of ${nameMax} characters`, [F(`${items}/name`)], (r) =>
      first(r, { name: fill(nameMax, 'cjk', prefix) }),
    ),
    maxStringEdge(`${kind} description of ${descriptionMax} characters`, [F(`${items}/description`)], (r) =>
      first(r, { description: fill(descriptionMax) }),
    ),
  ]);
}

/** Every string field at its length limits: introductions of each kind of character, names, remarks, ids. */
export function textEdges(c: ResolvedConstraints): Edge[] {
  const l = c.limits;
  const ids = c.identities;
  const [openid, subOpenid] = [fill(l.openidMaxLength, 'ascii', 'o'), fill(l.openidMaxLength, 'ascii', 's')];
  const entries: EdgeEntry[] = [
    ...FLAVORS.map((flavor): EdgeEntry => ({
      name: `service_introduction of ${l.serviceIntroductionMaxLength} ${flavor} characters`,
      rules: [F('/service_introduction')],
      // One of the four joins 'every string field at its maximum'.
      ...(flavor === 'mixed' ? { maxString: true } : {}),
      build: (r) => ({ ...r, service_introduction: fill(l.serviceIntroductionMaxLength, flavor) }),
    })),
    edge('service_introduction of 1 character', [F('/service_introduction')], (r) => ({
      ...r,
      service_introduction: '租',
    })),
    ...itemTextEdges(l),
    maxStringEdge(
      `risk_fund description of ${l.riskDescriptionMaxLength} characters`,
      [F('/risk_fund/description')],
      (r) => ({ ...r, risk_fund: { ...r.risk_fund, description: fill(l.riskDescriptionMaxLength) } }),
    ),
    maxStringEdge(`time remarks of ${l.timeRemarkMaxLength} characters`, [F('/time_range/start_time_remark')], (r) => ({
      ...r,
      time_range: {
        ...r.time_range,
        start_time_remark: fill(l.timeRemarkMaxLength, 'cjk'),
        end_time_remark: fill(l.timeRemarkMaxLength, 'astral'),
      },
    })),
    maxStringEdge(`locations of ${l.locationMaxLength} characters`, [F('/location/start_location')], (r) => ({
      ...r,
      location: { start_location: fill(l.locationMaxLength), end_location: fill(l.locationMaxLength, 'cjk') },
    })),
    maxStringEdge(`attach of ${l.attachMaxLength} characters`, [F('/attach')], (r) => ({
      ...r,
      attach: fill(l.attachMaxLength),
    })),
    edge('attach empty', [F('/attach')], (r) => ({ ...r, attach: '' })),
    // openid is not among the bindings NO-AUTH checks; a real target may still not know this user.
    edge(`openid of ${l.openidMaxLength} characters`, [F('/openid')], (r) => ({ ...toOpenidMode(r, ids), openid })),
    edge(`sub_openid of ${l.openidMaxLength} characters`, [F('/sub_openid')], (r) => ({
      ...toSubOpenidMode(r, ids),
      sub_openid: subOpenid,
    })),
  ];
  return entries.map(edgeOf);
}
