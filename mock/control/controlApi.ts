import {
  firstRequestViolation,
  limits,
  parseTimeValue,
  type OrderState,
  type StateDescription,
} from '../../specification';
import type { PayscoreEvent } from '../../apiv3';
import type { CallbackDispatcher, DeliveryRecord } from '../callbacks';
import type { MockContext } from '../context';
import { canonicalJson, newOrderFacts, orderResponse } from '../handlers';
import type { StoredOrder } from '../store';
import { ControlError } from './controlError';
import { orderView } from './orderView';

/** An order by order_id, or by out_order_no (sub_mchid and mchid default to the configured ones). */
export type OrderRef = { orderId: string } | { outOrderNo: string; subMchid?: string; mchid?: string };

export interface PutOrderInput {
  /** A valid create body; the order is created from it when it does not exist. */
  body: Record<string, unknown>;
  state: OrderState;
  stateDescription?: StateDescription;
  /** The institution mchid; default the configured one. */
  mchid?: string;
  /** The order_id to store a new order under (provider states that pin it); default a fresh one. */
  orderId?: string;
}

/** Test and provider-state operations, also served under /__control/ when enabled. */
export interface MockControl {
  /** Deletes every order and forgets every nonce. */
  reset(): void;
  /** Moves the business clock; answers its new time (ms). */
  advanceClock(ms: number): number;
  putOrder(input: PutOrderInput): Record<string, unknown>;
  getOrder(ref: OrderRef): Record<string, unknown> | undefined;
  /** The user confirms a CREATED order: DOING/USER_CONFIRM and a PAYSCORE.USER_CONFIRM callback. */
  confirm(ref: OrderRef): { order: Record<string, unknown>; delivery: DeliveryRecord };
  /** The user pays a DOING order: DONE and a PAYSCORE.USER_PAID callback. */
  pay(ref: OrderRef): { order: Record<string, unknown>; delivery: DeliveryRecord };
  deliveries(): DeliveryRecord[];
  /** Resolves when no callback delivery is pending. */
  settle(): Promise<void>;
}

const ORDER_ID_FIELD = { field: '/order_id', location: 'body' } as const;

/** A chosen order_id must still be one the mock could answer (RESP-ORDER-ID: 1..orderIdMaxLength) and not be taken. */
function checkedOrderId(ctx: MockContext, orderId: string): string {
  const max = limits().orderIdMaxLength;
  if (orderId.length === 0 || [...orderId].length > max)
    throw new ControlError('PARAM_ERROR', `order_id must be 1..${max} characters`, ORDER_ID_FIELD);
  if (ctx.orders.findById(orderId) !== undefined)
    throw new ControlError('PARAM_ERROR', `order_id ${orderId} names another order already`, ORDER_ID_FIELD);
  return orderId;
}

/** The business clock stays where yyyyMMddHHmmss can write it and order ids read digits: 1970 to the end of 9999. */
const LATEST_INSTANT = (() => {
  const last = parseTimeValue('99991231235959');
  if (last.kind !== 'second') throw new Error('parseTimeValue rejects 99991231235959');
  return last.instant;
})();

function checkedAdvance(now: number, ms: number): number {
  const field = { field: '/ms', location: 'body' } as const;
  if (!Number.isSafeInteger(ms))
    throw new ControlError('PARAM_ERROR', `ms must be an integer number of milliseconds, got ${String(ms)}`, field);
  if (now + ms < 0 || now + ms > LATEST_INSTANT) {
    throw new ControlError(
      'PARAM_ERROR',
      `ms ${ms} moves the clock outside 1970-01-01 … 9999-12-31 (China time); allowed now: ${-now} … ${LATEST_INSTANT - now}`,
      field,
    );
  }
  return ms;
}

export function createControl(ctx: MockContext, callbacks: CallbackDispatcher): MockControl {
  const find = (ref: OrderRef): StoredOrder | undefined =>
    'orderId' in ref
      ? ctx.orders.findById(ref.orderId)
      : ctx.orders.find(
          ctx.orders.keyOf({
            mchid: ref.mchid ?? ctx.config.mchid,
            subMchid: ref.subMchid ?? ctx.config.identities.sub_mchid,
            outOrderNo: ref.outOrderNo,
          }),
        );
  const need = (ref: OrderRef): StoredOrder => {
    const order = find(ref);
    if (order === undefined) throw new ControlError('ORDER_NOT_EXIST', `no order ${JSON.stringify(ref)}`);
    return order;
  };
  const transition = (
    ref: OrderRef,
    from: OrderState,
    to: OrderState,
    description: StateDescription | undefined,
    event: PayscoreEvent,
  ) => {
    const order = need(ref);
    if (order.state !== from)
      throw new ControlError('INVALID_ORDER_STATE', `order ${order.orderId} is ${order.state}, not ${from}`);
    ctx.orders.store.setState(order.orderId, to, description, ctx.clock.now());
    const view = orderView(need({ orderId: order.orderId }));
    return { order: view, delivery: callbacks.notify(event, view, String(view['notify_url'])) };
  };
  return {
    reset: () => {
      ctx.orders.store.reset();
      ctx.nonces.clear();
    },
    advanceClock: (ms) => {
      ctx.clock.advance(checkedAdvance(ctx.clock.now(), ms));
      ctx.orders.sweep();
      return ctx.clock.now();
    },
    putOrder: (input) => {
      const violation = firstRequestViolation(input.body);
      if (violation !== undefined)
        throw new ControlError('PARAM_ERROR', `body: ${violation.message} (${violation.ruleId})`, {
          field: `/body${violation.pointer}`,
          location: 'body',
        });
      const mchid = input.mchid ?? ctx.config.mchid;
      const key = ctx.orders.keyOf({
        mchid,
        subMchid: String(input.body['sub_mchid']),
        outOrderNo: String(input.body['out_order_no']),
      });
      let order = ctx.orders.find(key);
      if (order === undefined) {
        const facts = {
          ...newOrderFacts(ctx, input.body, mchid),
          ...(input.orderId === undefined ? {} : { orderId: checkedOrderId(ctx, input.orderId) }),
        };
        const now = ctx.clock.now();
        const responseBody = JSON.stringify(orderResponse(input.body, facts));
        order = ctx.orders.store.insertOrGet({
          ...key,
          orderId: facts.orderId,
          requestCanonical: canonicalJson(input.body),
          responseBody,
          state: facts.state,
          createdAt: now,
          updatedAt: now,
        }).order;
      }
      const description = input.state === 'DOING' ? (input.stateDescription ?? 'USER_CONFIRM') : undefined;
      ctx.orders.store.setState(order.orderId, input.state, description, ctx.clock.now());
      return orderView(need({ orderId: order.orderId }));
    },
    getOrder: (ref) => {
      const order = find(ref);
      return order === undefined ? undefined : orderView(order);
    },
    confirm: (ref) => transition(ref, 'CREATED', 'DOING', 'USER_CONFIRM', 'PAYSCORE.USER_CONFIRM'),
    pay: (ref) => transition(ref, 'DOING', 'DONE', undefined, 'PAYSCORE.USER_PAID'),
    deliveries: () => callbacks.deliveries(),
    settle: () => callbacks.settle(),
  };
}
