import { checkBusinessRules, rule } from '../../spec';
import type { MockContext } from '../context';
import type { StoredOrder } from '../store';
import { errorAnswer, ruleAnswer, violationAnswer, type Answer } from './answer';
import { canonicalJson } from './canonicalJson';
import { newOrderFacts, newOrderId } from './newOrderFacts';
import { orderResponse } from './orderResponse';
import { applyEchoFaults } from './echoFaults';

/** Terminal states and the IDEMP-TERMINAL code of each, in the order of rule.expect.codes. */
const TERMINAL_STATES = ['EXPIRED', 'REVOKED', 'DONE'] as const;

function terminalAnswer(order: StoredOrder): Answer | undefined {
  const index = (TERMINAL_STATES as readonly string[]).indexOf(order.state);
  if (index < 0) return undefined;
  const code = rule('IDEMP-TERMINAL').expect?.codes[index];
  if (code === undefined) throw new Error('IDEMP-TERMINAL lists fewer codes than terminal states');
  return errorAnswer(code, `out_order_no ${order.outOrderNo} names an order in state ${order.state} (IDEMP-TERMINAL)`);
}

/** The answer to a create naming an existing order: replay, conflict or terminal state. */
function existingAnswer(ctx: MockContext, order: StoredOrder, canonical: string): Answer {
  const terminal = terminalAnswer(order);
  if (terminal !== undefined) return terminal;
  if (order.requestCanonical !== canonical && !ctx.faults.has('conflict-accepted')) {
    return ruleAnswer('IDEMP-CONFLICT', `out_order_no ${order.outOrderNo} was used with different parameters`);
  }
  if (ctx.faults.has('new-order-id-on-replay')) {
    const body = JSON.parse(order.responseBody) as Record<string, unknown>;
    return { status: 200, body: { ...body, order_id: newOrderId(ctx.clock.now()) } };
  }
  return { status: 200, raw: order.responseBody };
}

/** After field rules and identities: idempotency, business rules, then the new order (CHECK-ORDER). */
export function placeOrder(ctx: MockContext, body: Record<string, unknown>, mchid: string): Answer {
  const key = { mchid, subMchid: String(body['sub_mchid']), outOrderNo: String(body['out_order_no']) };
  const canonical = canonicalJson(body);
  const existing = ctx.orders.find(key);
  if (existing !== undefined) return existingAnswer(ctx, existing, canonical);

  const violations = checkBusinessRules(body, { now: ctx.clock.now(), riskFundCap: ctx.config.riskFundCap })
    .filter((v) => !(v.ruleId === 'RISK-CAP' && ctx.faults.has('ignore-risk-cap')));
  const first = violations[0];
  if (first !== undefined) return violationAnswer(first, body, !ctx.faults.has('missing-error-detail'));

  const facts = newOrderFacts(ctx, body, mchid);
  const responseBody = JSON.stringify(applyEchoFaults(ctx, orderResponse(body, facts), body));
  const now = ctx.clock.now();
  const order: StoredOrder = { ...key, orderId: facts.orderId, requestCanonical: canonical, responseBody, state: facts.state, createdAt: now, updatedAt: now };
  if (facts.stateDescription !== undefined) order.stateDescription = facts.stateDescription;
  const result = ctx.orders.store.insertOrGet(order);
  return result.inserted ? { status: 200, raw: responseBody } : existingAnswer(ctx, result.order, canonical);
}
