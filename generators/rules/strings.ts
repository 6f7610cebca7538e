import type { CreateOrderRequest } from '../../specification';
import { schemaMutations } from '../fieldMutations';
import { firstDiscount, firstPayment } from '../itemEdits';
import type { ResolvedConstraints } from '../resolveConstraints';
import { fill, type Flavor } from '../text';
import { toOpenidMode, toSubOpenidMode } from '../userMode';
import { defineRules, type EdgeCase } from '../ruleEntry';

type R = CreateOrderRequest;
type C = ResolvedConstraints;
const FLAVORS: readonly Flavor[] = ['ascii', 'cjk', 'astral', 'mixed'];

/** A text edge; `maxString` joins it to 'every string field at its maximum'. */
const text = (name: string, build: (r: R, c: C) => R, maxString = false): EdgeCase => ({
  name,
  stage: 'text',
  build,
  ...(maxString ? { maxString: true as const } : {}),
});

/** One entry of a string field: the schema's mutations and its edges. */
const stringField = (edges: (c: C) => EdgeCase[]) => ({ fieldMutations: schemaMutations, edges });

/** notify_url padded to its maximum with a query parameter, when the profile's URL leaves room. */
function notifyEdges(c: C): EdgeCase[] {
  const max = c.limits.notifyUrlMaxLength;
  const url = c.notifyUrl;
  const joiner = url.includes('?') ? '&' : '?';
  const room = max - [...url].length - joiner.length - 'pad='.length;
  if (url.includes('#') || room < 1) return [];
  const edge = text(
    `notify_url of ${max} characters`,
    (r) => ({ ...r, notify_url: `${url}${joiner}pad=${'x'.repeat(room)}` }),
    true,
  );
  return [{ ...edge, stage: 'profile' }];
}

/** Every string field at its length limits: introductions of each kind of character, names, remarks, ids. */
export const STRING_RULES = defineRules('strings', {
  'INTRO-LENGTH': stringField(({ limits: l }) => [
    // One of the four joins 'every string field at its maximum'.
    ...FLAVORS.map((flavor) =>
      text(
        `service_introduction of ${l.serviceIntroductionMaxLength} ${flavor} characters`,
        (r) => ({ ...r, service_introduction: fill(l.serviceIntroductionMaxLength, flavor) }),
        flavor === 'mixed',
      ),
    ),
    text('service_introduction of 1 character', (r) => ({ ...r, service_introduction: '租' })),
  ]),
  'PAY-NAME': stringField(({ limits: l }) => [
    text(
      `payment name of ${l.paymentNameMaxLength} characters`,
      (r) => firstPayment(r, { name: fill(l.paymentNameMaxLength, 'cjk', 'P') }),
      true,
    ),
  ]),
  'PAY-DESC': stringField(({ limits: l }) => [
    text(
      `payment description of ${l.paymentDescriptionMaxLength} characters`,
      (r) => firstPayment(r, { description: fill(l.paymentDescriptionMaxLength) }),
      true,
    ),
  ]),
  'DISC-NAME': stringField(({ limits: l }) => [
    text(
      `discount name of ${l.discountNameMaxLength} characters`,
      (r) => firstDiscount(r, { name: fill(l.discountNameMaxLength, 'cjk', 'D') }),
      true,
    ),
  ]),
  'DISC-DESC': stringField(({ limits: l }) => [
    text(
      `discount description of ${l.discountDescriptionMaxLength} characters`,
      (r) => firstDiscount(r, { description: fill(l.discountDescriptionMaxLength) }),
      true,
    ),
  ]),
  'RISK-DESC': stringField(({ limits: l }) => [
    text(
      `risk_fund description of ${l.riskDescriptionMaxLength} characters`,
      (r) => ({ ...r, risk_fund: { ...r.risk_fund, description: fill(l.riskDescriptionMaxLength) } }),
      true,
    ),
  ]),
  'TIME-REMARK': stringField(({ limits: l }) => [
    text(
      `time remarks of ${l.timeRemarkMaxLength} characters`,
      (r) => ({
        ...r,
        time_range: {
          ...r.time_range,
          start_time_remark: fill(l.timeRemarkMaxLength, 'cjk'),
          end_time_remark: fill(l.timeRemarkMaxLength, 'astral'),
        },
      }),
      true,
    ),
  ]),
  'LOC-LENGTH': stringField(({ limits: l }) => [
    text(
      `locations of ${l.locationMaxLength} characters`,
      (r) => ({
        ...r,
        location: { start_location: fill(l.locationMaxLength), end_location: fill(l.locationMaxLength, 'cjk') },
      }),
      true,
    ),
  ]),
  'LOC-END-NEEDS-START': {
    mutations: () => [
      {
        what: 'end_location without start_location',
        pointer: '/location/end_location',
        apply: (base) => ({ ...base, location: { end_location: '终点' } }),
      },
    ],
  },
  'ATTACH-LENGTH': stringField(({ limits: l }) => [
    text(`attach of ${l.attachMaxLength} characters`, (r) => ({ ...r, attach: fill(l.attachMaxLength) }), true),
    text('attach empty', (r) => ({ ...r, attach: '' })),
  ]),
  // openid is not among the bindings NO-AUTH checks; a real target may still not know this user.
  'OPENID-LENGTH': stringField(({ limits: l, identities: ids }) => [
    text(`openid of ${l.openidMaxLength} characters`, (r) => ({
      ...toOpenidMode(r, ids),
      openid: fill(l.openidMaxLength, 'ascii', 'o'),
    })),
    text(`sub_openid of ${l.openidMaxLength} characters`, (r) => ({
      ...toSubOpenidMode(r, ids),
      sub_openid: fill(l.openidMaxLength, 'ascii', 's'),
    })),
  ]),
  'NOTIFY-LENGTH': stringField(notifyEdges),
});
