// The order book's side of a create (CHECK-ORDER's end): the idempotency lookup, then the new order, its facts
// and its 200 body (STATE-*, RESP-ECHO).
import { randomBytes, randomInt } from 'node:crypto';
import {
  limits,
  rule,
  secondTime,
  TYPE_PROPERTY_NAMES,
  type OrderState,
  type StateDescription,
} from '../../specification';
import type { MockContext } from '../context';
import type { OrderKey, StoredOrder } from '../store';
import { errorAnswer, ruleAnswer, type Answer } from './answer';

/**
 * A JSON value as text with object keys sorted at every level: two bodies are "the same
 * parameters" (IDEMP-SAME-JSON) when their canonical texts are equal.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A create that passed the checks, as idempotency and placing read it. */
export interface Create {
  key: OrderKey;
  /** The key as one string: the in-flight and racy-insert memories are keyed by it. */
  flight: string;
  body: Record<string, unknown>;
  canonical: string;
  /** The body as received, as text (IDEMP-SAME-JSON under a policy that compares bytes). */
  raw: string;
  /** Frees the key held in flight (a reading), once the answer is decided. */
  release?: () => void;
}

export function createOf(ctx: MockContext, body: Record<string, unknown>, mchid: string, bytes: Buffer): Create {
  const key = ctx.orders.keyOf({
    mchid,
    subMchid: String(body['sub_mchid']),
    outOrderNo: String(body['out_order_no']),
  });
  return { key, flight: JSON.stringify(key), body, canonical: canonicalJson(body), raw: bytes.toString('utf8') };
}

/** Terminal states and the IDEMP-TERMINAL code of each, in the order of rule.expect.codes. */
const TERMINAL_STATES = ['EXPIRED', 'REVOKED', 'DONE'] as const;
/**
 * How long an insert stays unseen by a racy lookup (a copy that lags behind the insert). A second, not
 * a few ms: racers sent "at once" reach the mock spread out when the machine is busy, and the fault
 * must meet them on every run, or its verdict would hang on the scheduler (issue #27).
 */
const RACE_LAG_MS = 1000;

function terminalAnswer(order: StoredOrder): Answer | undefined {
  const index = (TERMINAL_STATES as readonly string[]).indexOf(order.state);
  if (index < 0) return undefined;
  const code = rule('IDEMP-TERMINAL').expect?.codes[index];
  if (code === undefined) throw new Error('IDEMP-TERMINAL lists fewer codes than terminal states');
  return {
    ...errorAnswer(code, `out_order_no ${order.outOrderNo} names an order in state ${order.state} (IDEMP-TERMINAL)`),
    ruleId: 'IDEMP-TERMINAL',
  };
}

/** Whether a create repeats the stored one's parameters (IDEMP-SAME-JSON), as the policy compares them. */
function sameParameters(ctx: MockContext, order: StoredOrder, { canonical, raw, body }: Create): boolean {
  const { policy, memory } = ctx.behaviour;
  const stored = memory.overwrittenRequests.get(order.orderId) ?? order.requestCanonical;
  if (policy.sameParameters === 'json-value') return stored === canonical;
  if (policy.sameParameters === 'bytes')
    return stored === canonical && (memory.requestBytes.get(order.orderId) ?? raw) === raw;
  const before = JSON.parse(stored) as Record<string, unknown>;
  const scalar = (v: unknown): boolean => v === null || typeof v !== 'object';
  return Object.keys({ ...before, ...body }).every(
    (k) => !scalar(before[k]) || !scalar(body[k]) || before[k] === body[k],
  );
}

/** The stored answer again, as the replay policy shapes it. */
function replayAnswer(ctx: MockContext, order: StoredOrder): Answer {
  const replay = ctx.behaviour.policy.replay;
  if (replay === 'stored') return { status: 200, raw: order.responseBody };
  const { package: pkg, ...body } = JSON.parse(order.responseBody) as Record<string, unknown>;
  if (replay === 'new-order-id')
    return { status: 200, body: { ...body, package: pkg, order_id: newOrderId(ctx.clock.now()) } };
  if (replay === 'without-package' || pkg === undefined) return { status: 200, body };
  return { status: 200, body: { ...body, package: newPackage() } };
}

/** The answer to a create naming an existing order: replay, conflict or terminal state. */
function existingAnswer(ctx: MockContext, order: StoredOrder, create: Create): Answer {
  const terminal = terminalAnswer(order);
  if (terminal !== undefined) return terminal;
  const { onConflict } = ctx.behaviour.policy;
  if (!sameParameters(ctx, order, create) && onConflict !== 'answer-stored') {
    if (onConflict === 'refuse-and-overwrite')
      ctx.behaviour.memory.overwrittenRequests.set(order.orderId, create.canonical);
    return ruleAnswer('IDEMP-CONFLICT', `out_order_no ${order.outOrderNo} was used with different parameters`);
  }
  return replayAnswer(ctx, order);
}

/** The answer to a create naming a stored order (replay, conflict, terminal state), or undefined for a new one. */
export function existingOrderAnswer(ctx: MockContext, create: Create): Answer | undefined {
  const racy = ctx.behaviour.policy.lookup === 'racy';
  const insertedAt = ctx.behaviour.memory.insertedAt.get(create.flight) ?? -Infinity;
  const unseen = racy && performance.now() - insertedAt < RACE_LAG_MS;
  const existing = unseen ? undefined : ctx.orders.find(create.key);
  return existing === undefined ? undefined : existingAnswer(ctx, existing, create);
}

/** Stores the new order and answers its 200 body; a create that lost the insert answers as a duplicate. */
export function placeNewOrder(ctx: MockContext, create: Create): Answer {
  const { key, body, canonical, raw, flight } = create;
  const racy = ctx.behaviour.policy.lookup === 'racy';
  const facts = newOrderFacts(ctx, body, key.mchid);
  const responseBody = JSON.stringify(ctx.behaviour.okBody(orderResponse(body, facts), body));
  const now = ctx.clock.now();
  const order: StoredOrder = {
    ...key,
    orderId: facts.orderId,
    requestCanonical: canonical,
    responseBody,
    state: facts.state,
    createdAt: now,
    updatedAt: now,
  };
  if (facts.stateDescription !== undefined) order.stateDescription = facts.stateDescription;
  const result = ctx.orders.store.insertOrGet(order);
  if (result.inserted && ctx.behaviour.policy.sameParameters === 'bytes')
    ctx.behaviour.memory.requestBytes.set(order.orderId, raw);
  if (result.inserted && racy) ctx.behaviour.memory.insertedAt.set(flight, performance.now());
  if (result.inserted) return { status: 200, raw: responseBody };
  // The defect of a racy lookup: a loser with the same parameters answers the order it made, not the
  // stored one (IDEMP-SAME). The insert's unique key still catches other parameters and terminal
  // orders, so the fault is caught under IDEMP-SAME alone, whichever racer the scheduler lets win.
  // Read again through the lookup, which applies expiry (the insert's row is as stored).
  const stored = existingAnswer(ctx, ctx.orders.find(key) ?? result.order, create);
  const replayed = stored.status === 200;
  return racy && replayed ? { status: 200, raw: responseBody } : stored;
}

export interface OrderFacts {
  mchid: string;
  orderId: string;
  state: OrderState;
  stateDescription?: StateDescription;
  package?: string;
}

const REQUEST_FIELDS: readonly string[] = TYPE_PROPERTY_NAMES.CreateOrderRequest;

/**
 * The 200 body in CreateOrderResponse order. A response property that is also a request field is
 * echoed exactly as sent (RESP-ECHO); absent stays absent, no defaults are filled in, and
 * openid, sub_openid, need_user_confirm are not response properties (RESP-ECHO-EXACT). mchid is
 * the Authorization mchid (RESP-MCHID).
 */
export function orderResponse(body: Record<string, unknown>, facts: OrderFacts): Record<string, unknown> {
  const own: Record<string, unknown> = {
    mchid: facts.mchid,
    state: facts.state,
    state_description: facts.stateDescription,
    order_id: facts.orderId,
    package: facts.package,
  };
  const out: Record<string, unknown> = {};
  for (const name of TYPE_PROPERTY_NAMES.CreateOrderResponse) {
    const value = REQUEST_FIELDS.includes(name) ? body[name] : own[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

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
