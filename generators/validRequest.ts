import fc from 'fast-check';
import type { CreateOrderRequest, Location } from '../specification';
import { assemble } from './assemble';
import { discountsArbitrary, paymentsArbitrary, riskFundArbitrary } from './items';
import { resolveConstraints } from './resolveConstraints';
import { outOrderNoAlphabet } from './schemaFacts';
import { text } from './text';
import { timeRangeArbitrary } from './timeRange';
import { userFieldsArbitrary } from './userMode';
import type { RequestConstraints } from './requestConstraints';

/** Valid requests keep this many alphanumeric out_order_no positions, room for withUniqueOutOrderNo. */
export const MIN_UNIQUE_POSITIONS = 8;

function outOrderNo(maxLength: number): fc.Arbitrary<string> {
  const { allowed, specials } = outOrderNoAlphabet();
  return fc.string({ unit: fc.constantFrom(...allowed), minLength: MIN_UNIQUE_POSITIONS, maxLength }).map((s) => {
    const chars = [...s];
    let alnum = chars.filter((ch) => !specials.includes(ch)).length;
    for (let i = 0; alnum < MIN_UNIQUE_POSITIONS; i++) {
      if (specials.includes(chars[i]!)) {
        chars[i] = String(i % 10);
        alnum++;
      }
    }
    return chars.join('');
  });
}

function location(max: number): fc.Arbitrary<Location | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constant({}),
    text(1, max).map((s) => ({ start_location: s })),
    fc.tuple(text(1, max), text(1, max)).map(([s, e]) => ({ start_location: s, end_location: e })),
  );
}

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/**
 * Requests that satisfy every rule of the create-order spec (schema and business rules at
 * `constraints.now` and `constraints.riskFundCap`), over the valid space every reading of the
 * sources agrees on: each optional field present and absent, every openid/confirm mode, all
 * risk-fund names, all start_time forms (OnAccept in confirm mode), payments within the cap.
 */
export function validRequest(constraints: RequestConstraints): fc.Arbitrary<CreateOrderRequest> {
  const c = resolveConstraints(constraints);
  const l = c.limits;
  return fc
    .record({
      out_order_no: outOrderNo(l.outOrderNoMaxLength),
      service_introduction: text(1, l.serviceIntroductionMaxLength),
      post_payments: optional(paymentsArbitrary(c)),
      post_discounts: optional(discountsArbitrary(c)),
      risk_fund: riskFundArbitrary(c),
      time_range: timeRangeArbitrary(c.now, l.timeRemarkMaxLength, false),
      confirm_time_range: timeRangeArbitrary(c.now, l.timeRemarkMaxLength, true),
      location: location(l.locationMaxLength),
      attach: optional(text(0, l.attachMaxLength)),
      user: userFieldsArbitrary(c.identities),
    })
    .map(({ confirm_time_range: confirmRange, ...parts }) =>
      assemble({ ...parts, time_range: parts.user.need_user_confirm === true ? confirmRange : parts.time_range }, c),
    );
}
