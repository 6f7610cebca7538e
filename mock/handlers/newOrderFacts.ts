import { randomBytes, randomInt } from 'node:crypto';
import { formatChinaTime, limits } from '../../spec';
import type { MockContext } from '../context';
import type { OrderFacts } from './orderResponse';

let cached: { orderIdMaxLength: number; packageMaxLength: number } | undefined;
/** The two limits used per create, read from the spec once (limits() recomputes them). */
const orderLimits = () => (cached ??= { orderIdMaxLength: limits().orderIdMaxLength, packageMaxLength: limits().packageMaxLength });

/** A fresh order_id: digits, creation time first (at most limits().orderIdMaxLength). */
export function newOrderId(now: number): string {
  const id = `10${formatChinaTime(now, 'second')}${String(randomInt(0, 1e12)).padStart(12, '0')}`;
  return id.slice(0, orderLimits().orderIdMaxLength);
}

/** A package for the user's confirmation (at most limits().packageMaxLength). */
function newPackage(): string {
  return randomBytes(48).toString('base64url').slice(0, orderLimits().packageMaxLength);
}

/** State, description and package of a new order (STATE-CONFIRM-MODE, STATE-NO-CONFIRM-MODE). */
export function newOrderFacts(ctx: MockContext, body: Record<string, unknown>, mchid: string): OrderFacts {
  const orderId = newOrderId(ctx.clock.now());
  const confirmMode = body['need_user_confirm'] === true;
  if (confirmMode && !ctx.faults.has('confirm-mode-doing')) return { mchid, orderId, state: 'CREATED', package: newPackage() };
  if (!confirmMode && ctx.faults.has('no-confirm-created')) return { mchid, orderId, state: 'CREATED' };
  return { mchid, orderId, state: 'DOING', stateDescription: 'USER_CONFIRM' };
}
