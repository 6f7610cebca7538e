import type { IncomingHttpHeaders } from 'node:http';
import { firstRequestViolation, limits, type Violation } from '../../spec';
import type { MockContext } from '../context';
import { ruleAnswer, violationAnswer, type Answer } from './answer';
import { authenticate } from './authenticate';
import { checkHeaders } from './checkHeaders';
import { checkIdentities } from './checkIdentities';
import { parseJsonBody } from './parseJsonBody';
import { placeOrder } from './placeOrder';

export interface EndpointRequest {
  method: string;
  pathWithQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Field-rule violations the active faults let through. */
function tolerated(ctx: MockContext, body: Record<string, unknown>, v: Violation): boolean {
  if (v.ruleId === 'OON-LENGTH' && ctx.faults.has('accept-long-out-order-no')) {
    const oon = body['out_order_no'];
    return typeof oon === 'string' && [...oon].length === limits().outOrderNoMaxLength + 1;
  }
  if (v.ruleId === 'OPENID-EXCLUSIVE' && ctx.faults.has('accept-both-openids')) return body['openid'] !== undefined && body['sub_openid'] !== undefined;
  return false;
}

/**
 * POST on the endpoint, in CHECK-ORDER order: Authorization (401) → rate limit (429) → headers
 * (400) → JSON object (400) → field rules (400 PARAM_ERROR) → identities (403) → idempotency →
 * business rules → 200. Only the signature check awaits (thread pool); from there on it is
 * synchronous, so no two requests interleave between the idempotency read and the insert.
 */
export async function createOrder(ctx: MockContext, req: EndpointRequest): Promise<{ answer: Answer; mchid?: string }> {
  const auth = await authenticate(ctx, { method: req.method, pathWithQuery: req.pathWithQuery, authorization: req.headers['authorization'], body: req.body });
  if (!auth.ok) return { answer: auth.answer };
  const mchid = auth.params.mchid;
  if (ctx.rateLimiter.over(mchid, ctx.wallClock())) return { answer: ruleAnswer('RATE-LIMIT', `mchid ${mchid} is over ${ctx.config.rateLimit ?? 0} requests per second`), mchid };
  const headerProblem = checkHeaders(ctx, req.headers);
  if (headerProblem !== undefined) return { answer: headerProblem, mchid };
  const parsed = parseJsonBody(req.body);
  if (!parsed.ok) return { answer: parsed.answer, mchid };
  const body = parsed.value;
  const violation = firstRequestViolation(body, (v) => !tolerated(ctx, body, v));
  if (violation !== undefined) return { answer: violationAnswer(violation, body, !ctx.faults.has('missing-error-detail')), mchid };
  if (!ctx.faults.has('skip-identity-check')) {
    const identityProblem = checkIdentities(body, ctx.config.identities);
    if (identityProblem !== undefined) return { answer: identityProblem, mchid };
  }
  return { answer: placeOrder(ctx, body, mchid), mchid };
}
