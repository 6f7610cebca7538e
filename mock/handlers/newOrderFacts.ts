import { randomBytes, randomInt } from 'node:crypto';
import { limits, secondTime } from '../../specification';
import type { MockContext } from '../context';
import type { OrderFacts } from './orderResponse';

let cached: { orderIdMaxLength: number; packageMaxLength: number } | undefined;
/** The two limits used per create, read from the spec once (limits() recomputes them). */
const orderLimits = () =>
  (cached ??= { orderIdMaxLength: limits().orderIdMaxLength, packageMaxLength: limits().packageMaxLength });

/** A fresh order_id: digits, creation time first, or (a reading) a prefix and hex; at most limits().orderIdMaxLength. */
export function newOrderId(now: number, format: 'digits' | 'prefixed' = 'digits'): string {
  const id =
    format === 'digits'
      ? `10${secondTime(now)}${String(randomInt(0, 1e12)).padStart(12, '0')}`
      : `PSO-${randomBytes(12).toString('hex')}`;
  return id.slice(0, orderLimits().orderIdMaxLength);
}

/** A package for the user's confirmation (at most limits().packageMaxLength). */
export function newPackage(): string {
  return randomBytes(48).toString('base64url').slice(0, orderLimits().packageMaxLength);
}

/** State, description and package of a new order (STATE-CONFIRM-MODE, STATE-NO-CONFIRM-MODE). */
export function newOrderFacts(ctx: MockContext, body: Record<string, unknown>, mchid: string): OrderFacts {
  const orderId = newOrderId(ctx.clock.now(), ctx.behaviour.policy.orderIdFormat);
  if (body['need_user_confirm'] === true) return { mchid, orderId, state: 'CREATED', package: newPackage() };
  return { mchid, orderId, state: 'DOING', stateDescription: 'USER_CONFIRM' };
}
