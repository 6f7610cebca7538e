import { setTimeout as sleep } from 'node:timers/promises';
import { checkBusinessRules, rule } from '../../specification';
import type { MockContext } from '../context';
import type { StoredOrder } from '../store';
import { errorAnswer, ruleAnswer, violationAnswer, type Answer } from './answer';
import { canonicalJson } from './canonicalJson';
import { newOrderFacts, newOrderId, newPackage } from './newOrderFacts';
import { orderResponse } from './orderResponse';

/** Terminal states and the IDEMP-TERMINAL code of each, in the order of rule.expect.codes. */
const TERMINAL_STATES = ['EXPIRED', 'REVOKED', 'DONE'] as const;
/**
 * How long an insert stays unseen by a racy lookup (a copy that lags behind the insert). A second, not
 * a few ms: racers sent "at once" reach the mock spread out when the machine is busy, and the fault
 * must meet them on every run, or its verdict would hang on the scheduler (issue #27).
 */
const RACE_LAG_MS = 1000;
/**
 * How long a create is in flight under the reading that throttles in-flight duplicates: long enough
 * that racers spread out by a busy scheduler still meet one in flight (the self-test asks for a 429).
 */
const IN_FLIGHT_MS = 100;

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
function sameParameters(
  ctx: MockContext,
  order: StoredOrder,
  canonical: string,
  raw: string,
  body: Record<string, unknown>,
): boolean {
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
function existingAnswer(
  ctx: MockContext,
  order: StoredOrder,
  canonical: string,
  raw: string,
  body: Record<string, unknown>,
): Answer {
  const terminal = terminalAnswer(order);
  if (terminal !== undefined) return terminal;
  const { onConflict } = ctx.behaviour.policy;
  if (!sameParameters(ctx, order, canonical, raw, body) && onConflict !== 'answer-stored') {
    if (onConflict === 'refuse-and-overwrite') ctx.behaviour.memory.overwrittenRequests.set(order.orderId, canonical);
    return ruleAnswer('IDEMP-CONFLICT', `out_order_no ${order.outOrderNo} was used with different parameters`);
  }
  return replayAnswer(ctx, order);
}

/** After field rules and identities: idempotency, business rules, then the new order (CHECK-ORDER). */
export async function placeOrder(
  ctx: MockContext,
  body: Record<string, unknown>,
  mchid: string,
  bytes: Buffer,
): Promise<Answer> {
  const key = ctx.orders.keyOf({
    mchid,
    subMchid: String(body['sub_mchid']),
    outOrderNo: String(body['out_order_no']),
  });
  if (ctx.behaviour.policy.inFlightDuplicates === 'serialize') return place(ctx, key, body, bytes);
  // A reading: placing takes a while, and a duplicate arriving meanwhile is told to come back (429).
  const { inFlight } = ctx.behaviour.memory;
  const flight = JSON.stringify(key);
  if (inFlight.has(flight))
    return ruleAnswer('RATE-LIMIT', `out_order_no ${key.outOrderNo} is being placed by another request; try again`);
  inFlight.add(flight);
  try {
    await sleep(IN_FLIGHT_MS);
    return await place(ctx, key, body, bytes);
  } finally {
    inFlight.delete(flight);
  }
}

async function place(
  ctx: MockContext,
  key: { mchid: string; subMchid: string; outOrderNo: string },
  body: Record<string, unknown>,
  bytes: Buffer,
): Promise<Answer> {
  const canonical = canonicalJson(body);
  const raw = bytes.toString('utf8');
  const racy = ctx.behaviour.policy.lookup === 'racy';
  const { insertedAt } = ctx.behaviour.memory;
  const flight = JSON.stringify(key);
  const unseen = racy && performance.now() - (insertedAt.get(flight) ?? -Infinity) < RACE_LAG_MS;
  const existing = unseen ? undefined : ctx.orders.find(key);
  if (existing !== undefined) return existingAnswer(ctx, existing, canonical, raw, body);

  const businessContext = { now: ctx.clock.now(), riskFundCap: ctx.config.riskFundCap };
  const [first] = ctx.behaviour.businessRules(checkBusinessRules(body, businessContext), body, businessContext);
  if (first !== undefined) return violationAnswer(first, body);

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
  if (result.inserted && racy) insertedAt.set(flight, performance.now());
  if (result.inserted) return { status: 200, raw: responseBody };
  // The defect of a racy lookup: a loser with the same parameters answers the order it made, not the
  // stored one (IDEMP-SAME). The insert's unique key still catches other parameters and terminal
  // orders, so the fault is caught under IDEMP-SAME alone, whichever racer the scheduler lets win.
  // Read again through the lookup, which applies expiry (the insert's row is as stored).
  const stored = existingAnswer(ctx, ctx.orders.find(key) ?? result.order, canonical, raw, body);
  const replayed = stored.status === 200;
  return racy && replayed ? { status: 200, raw: responseBody } : stored;
}
