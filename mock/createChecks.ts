// The create's own steps of the path (createPath.ts orders them, after the routes): authentication to placing.
// Each answers, and so ends the path, or passes on.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { acceptsJson, isJsonContentType, JSON_MEDIA_TYPE } from '../apiv3';
import { bindingViolations, checkBusinessRules, firstRequestViolation } from '../specification';
import { lenientJson } from './behaviour';
import type { MockContext, RateLimiter } from './context';
import type { ConsoleReply, MockConsole } from './console';
import type { MockControl } from './control';
import * as handlers from './handlers';
import { ruleAnswer, violationAnswer, type Answer, type Create } from './handlers';
import type { TappedRequest } from './wireTap';

/** One request on its way along the path: what it is, and what the steps learn about it. */
export interface Walk {
  readonly req: IncomingMessage;
  readonly method: string;
  /** The path with its query, as received. */
  readonly url: string;
  readonly path: string;
  readonly console: MockConsole | undefined;
  readonly control: MockControl;
  bytes?: Buffer;
  /** The body's size as BODY-LIMITS sees it (over the hard cap: hardCapBytes + 1). */
  bodyBytes?: number;
  /** The request as the wire tap saw it (only with a tap). */
  seen?: TappedRequest;
  mchid?: string;
  body?: Record<string, unknown>;
  create?: Create;
  /** How the answer leaves: a console page as it is, the console's own request (not in its feed), or bare. */
  reply?: ConsoleReply;
  consoleOwn?: true;
  /** Answered before any route (HTTP-MALFORMED, AUTH-SINGLE): unshaped, untapped, not in the feed. */
  protocol?: true;
}

export type Run = (ctx: MockContext, w: Walk) => Answer | undefined | Promise<Answer | undefined>;

/** A step of the path: its name, the rules it answers under (or why it is there), what it does. */
export interface Step {
  readonly name: string;
  readonly rule: string;
  readonly run: Run;
}

export async function authentication(ctx: MockContext, w: Walk): Promise<Answer | undefined> {
  const input = { method: w.method, pathWithQuery: w.url, headers: w.req.headers, body: w.bytes ?? Buffer.alloc(0) };
  const auth = await handlers.authenticate(ctx, handlers.signedInputOf(input));
  if (!auth.ok) return auth.answer;
  w.mchid = auth.params.mchid;
  return undefined;
}

export function rateLimit(ctx: MockContext, { mchid }: Walk): Answer | undefined {
  if (mchid === undefined || !ctx.rateLimiter.over(mchid, ctx.wallClock())) return undefined;
  const perSecond = ctx.config.rateLimit ?? ctx.behaviour.policy.rateLimitPerSecond ?? 0;
  // The window is one second: the next one starts within it.
  const answer = ruleAnswer('RATE-LIMIT', `mchid ${mchid} is over ${perSecond} requests per second`);
  return { ...answer, headers: { 'Retry-After': '1' } };
}

export function createRateLimiter(perSecond: number): RateLimiter {
  const windows = new Map<string, { second: number; count: number }>();
  return {
    over(mchid, nowMs) {
      if (perSecond <= 0) return false;
      const second = Math.floor(nowMs / 1000);
      const window = windows.get(mchid);
      if (window === undefined || window.second !== second) {
        windows.set(mchid, { second, count: 1 });
        return false;
      }
      window.count++;
      return window.count > perSecond;
    },
  };
}

/** Accept, Content-Type and Wechatpay-Serial (HDR-*): the first broken rule's answer, or undefined. */
export function headers(ctx: MockContext, { req }: Walk): Answer | undefined {
  const { policy } = ctx.behaviour;
  const given: IncomingHttpHeaders = req.headers;
  // A reading takes only the exact media type: no parameters, no other case, no wildcards.
  const exact = policy.mediaTypes === 'exact';
  const accept = given['accept'];
  if (accept === undefined) {
    if (policy.missingAccept === 'refuse') return ruleAnswer('HDR-ACCEPT', 'the Accept header is missing');
  } else if (exact ? accept !== JSON_MEDIA_TYPE : !acceptsJson(accept)) {
    return ruleAnswer('HDR-ACCEPT', `Accept ${JSON.stringify(accept)} does not admit application/json`);
  }
  const contentType = given['content-type'];
  if (contentType === undefined) return ruleAnswer('HDR-CONTENT-TYPE', 'the Content-Type header is missing');
  if (exact ? contentType !== JSON_MEDIA_TYPE : !isJsonContentType(contentType))
    return ruleAnswer('HDR-CONTENT-TYPE', `Content-Type ${JSON.stringify(contentType)} is not application/json`);
  const serial = given['wechatpay-serial'];
  if (typeof serial === 'string' && ctx.platformKey(serial) === undefined)
    return ruleAnswer('HDR-WECHATPAY-SERIAL', `Wechatpay-Serial ${serial} names no platform key of this server`);
  return undefined;
}

export function jsonBody(ctx: MockContext, w: Walk): Answer | undefined {
  const bytes = w.bytes ?? Buffer.alloc(0);
  const parsed = handlers.parseJsonBody(ctx.behaviour.policy.jsonSyntax === 'lenient' ? lenientJson(bytes) : bytes);
  if (!parsed.ok) return parsed.answer;
  w.body = ctx.behaviour.bodyView(parsed.value);
  return undefined;
}

/** The first schema violation no fault lets through (validation stops there), else what a reading refuses besides. */
export function fieldRules(ctx: MockContext, w: Walk): Answer | undefined {
  const body = w.body ?? {};
  const { fieldRules } = ctx.behaviour;
  const violation = firstRequestViolation(body, (v) => fieldRules([v], body).includes(v)) ?? fieldRules([], body)[0];
  return violation === undefined ? undefined : violationAnswer(violation, body);
}

/** NO-AUTH: the first identity of the body that is not bound to the institution. */
export function identities(ctx: MockContext, w: Walk): Answer | undefined {
  if (ctx.behaviour.policy.bindings === 'skipped' || w.body === undefined) return undefined;
  const [first] = bindingViolations(w.body, ctx.config.identities);
  return first === undefined ? undefined : ruleAnswer('NO-AUTH', first.message);
}

/**
 * How long a create is in flight under the reading that throttles in-flight duplicates: long enough
 * that racers spread out by a busy scheduler still meet one in flight (the self-test asks for a 429).
 */
const IN_FLIGHT_MS = 100;

/** The create as idempotency and placing read it, once authentication and the body are known. */
function created(ctx: MockContext, w: Walk): Create {
  if (w.create !== undefined) return w.create;
  if (w.mchid === undefined || w.body === undefined || w.bytes === undefined)
    throw new Error('the create steps ran without authentication or a body');
  w.create = handlers.createOf(ctx, w.body, w.mchid, w.bytes);
  return w.create;
}

/**
 * A reading: placing takes a while, and a duplicate arriving meanwhile is told to come back (429).
 * The key is held until the answer is decided (create.release).
 */
export async function inFlight(ctx: MockContext, w: Walk): Promise<Answer | undefined> {
  if (ctx.behaviour.policy.inFlightDuplicates === 'serialize') return undefined;
  const create = created(ctx, w);
  const { inFlight } = ctx.behaviour.memory;
  if (inFlight.has(create.flight))
    return ruleAnswer(
      'RATE-LIMIT',
      `out_order_no ${create.key.outOrderNo} is being placed by another request; try again`,
    );
  inFlight.add(create.flight);
  create.release = () => inFlight.delete(create.flight);
  await sleep(IN_FLIGHT_MS);
  return undefined;
}

export const idempotency = (ctx: MockContext, w: Walk) => handlers.existingOrderAnswer(ctx, created(ctx, w));
export const place = (ctx: MockContext, w: Walk) => handlers.placeNewOrder(ctx, created(ctx, w));

export function businessRules(ctx: MockContext, w: Walk): Answer | undefined {
  const body = created(ctx, w).body;
  const businessContext = { now: ctx.clock.now(), riskFundCap: ctx.config.riskFundCap };
  const [first] = ctx.behaviour.businessRules(checkBusinessRules(body, businessContext), body, businessContext);
  return first === undefined ? undefined : violationAnswer(first, body);
}
