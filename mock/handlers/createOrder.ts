import type { IncomingHttpHeaders } from 'node:http';
import { firstRequestViolation } from '../../specification';
import type { CreateStep } from '../behaviour';
import type { MockContext } from '../context';
import { ruleAnswer, violationAnswer, type Answer } from './answer';
import { authenticate, signedInputOf } from './authenticate';
import { checkHeaders } from './checkHeaders';
import { checkIdentities } from './checkIdentities';
import { parseJsonBody } from './parseJsonBody';
import { lenientJson } from '../behaviour/lenientJson';
import { placeOrder } from './placeOrder';

export interface EndpointRequest {
  method: string;
  pathWithQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What the steps learn on the way: the Authorization mchid, the parsed body. */
interface Progress {
  mchid?: string;
  body?: Record<string, unknown>;
}

type Step = (ctx: MockContext, req: EndpointRequest, p: Progress) => Promise<Answer | undefined> | Answer | undefined;

const STEPS: Record<CreateStep, Step> = {
  authentication: async (ctx, req, p) => {
    const auth = await authenticate(ctx, signedInputOf(req));
    if (!auth.ok) return auth.answer;
    p.mchid = auth.params.mchid;
    return undefined;
  },
  'rate-limit': (ctx, _req, p) =>
    p.mchid !== undefined && ctx.rateLimiter.over(p.mchid, ctx.wallClock())
      ? {
          ...ruleAnswer(
            'RATE-LIMIT',
            `mchid ${p.mchid} is over ${ctx.config.rateLimit ?? ctx.behaviour.policy.rateLimitPerSecond ?? 0} requests per second`,
          ),
          // The window is one second: the next one starts within it.
          headers: { 'Retry-After': '1' },
        }
      : undefined,
  headers: (ctx, req) => checkHeaders(ctx, req.headers),
  body: (ctx, req, p) => {
    const parsed = parseJsonBody(ctx.behaviour.policy.jsonSyntax === 'lenient' ? lenientJson(req.body) : req.body);
    if (!parsed.ok) return parsed.answer;
    p.body = ctx.behaviour.bodyView(parsed.value);
    return undefined;
  },
  fields: (ctx, _req, p) => {
    const body = p.body ?? {};
    const { fieldRules } = ctx.behaviour;
    // The first schema violation no fault lets through (validation stops there), else what a reading refuses besides.
    const violation = firstRequestViolation(body, (v) => fieldRules([v], body).includes(v)) ?? fieldRules([], body)[0];
    return violation === undefined ? undefined : violationAnswer(violation, body);
  },
  identities: (ctx, _req, p) =>
    ctx.behaviour.policy.bindings === 'skipped' || p.body === undefined
      ? undefined
      : checkIdentities(p.body, ctx.config.identities),
};

/**
 * POST on the endpoint, in CHECK-ORDER order (a reading may reorder): Authorization (401) → rate
 * limit (429) → headers (400) → JSON object (400) → field rules (400 PARAM_ERROR) → identities
 * (403) → idempotency → business rules → 200. Only the signature check awaits (thread pool); from
 * there on it is synchronous, so no two requests interleave between the idempotency read and the
 * insert (unless a fault makes it racy).
 */
export async function createOrder(ctx: MockContext, req: EndpointRequest): Promise<{ answer: Answer; mchid?: string }> {
  const progress: Progress = {};
  const done = (answer: Answer) => ({ answer, ...(progress.mchid === undefined ? {} : { mchid: progress.mchid }) });
  for (const step of ctx.behaviour.checkOrder) {
    const answer = await STEPS[step](ctx, req, progress);
    if (answer !== undefined) return done(answer);
  }
  if (progress.mchid === undefined || progress.body === undefined)
    throw new Error('the create steps ran without authentication or a body');
  return done(await placeOrder(ctx, progress.body, progress.mchid, req.body));
}
