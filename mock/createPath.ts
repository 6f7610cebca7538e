// The mock's path for a request, as one ordered table: every check from the route to placing the order, each a
// named step (the routes here, the create's checks in createChecks.ts) that answers, and so ends the path, or
// passes on. requestHandler.ts then shapes, waits and sends the answer.
import { CERTIFICATES_PATH, ENDPOINT_PATH } from '../specification';
import { CREATE_STEPS, type CreateStep } from './behaviour';
import type { MockContext } from './context';
import { CONTROL_PREFIX, controlRoute, isLoopback } from './control';
import * as handlers from './handlers';
import { BODY_LIMITS, errorAnswer, ruleAnswer, type Answer } from './handlers';
import { closing } from './protocolAnswers';
import { AUDIT_CONTROL_PATH } from './wireTap';
import {
  authentication,
  businessRules,
  fieldRules,
  headers,
  idempotency,
  identities,
  inFlight,
  jsonBody,
  place,
  rateLimit,
  type Step,
  type Walk,
} from './createChecks';

/**
 * The order of checks (CHECK-ORDER), top to bottom. The steps named in CREATE_STEPS may be reordered among
 * themselves by a reading (behaviour.checkOrder); the others stand where they are. Only the signature
 * check, the body read and the in-flight wait await: from the idempotency lookup to the insert nothing
 * does, so no two requests interleave there (unless a fault makes the lookup racy).
 */
export const CREATE_PATH: readonly Step[] = [
  { name: 'protocol', rule: 'HTTP-MALFORMED AUTH-SINGLE', run: protocol },
  { name: 'console', rule: 'the sandbox console: no fault may lock it out', run: consoleRoute },
  { name: 'audit', rule: "the caller's audit, to loopback callers", run: auditRoute },
  { name: 'control', rule: 'the control API', run: controlApiRoute },
  { name: 'answer-everything', rule: 'SYSTEM-ERROR RATE-LIMIT (faults)', run: answerEverything },
  { name: 'certificates', rule: 'GET /v3/certificates (facts §11)', run: certificates },
  { name: 'route', rule: 'ROUTE-UNKNOWN', run: unknownRoute },
  { name: 'method', rule: 'ROUTE-METHOD', run: wrongMethod },
  { name: 'read-body', rule: 'the wire tap may answer instead', run: readBody },
  { name: 'hard-cap', rule: 'BODY-LIMITS (before authentication)', run: hardCap },
  { name: 'authentication', rule: 'AUTH-* AUTH-NONCE-REPLAY', run: authentication },
  { name: 'rate-limit', rule: 'RATE-LIMIT', run: rateLimit },
  { name: 'headers', rule: 'HDR-ACCEPT HDR-CONTENT-TYPE HDR-WECHATPAY-SERIAL', run: headers },
  { name: 'body', rule: 'BODY-LIMITS BODY-COST-BOUND BODY-NOT-JSON BODY-NOT-OBJECT NUM-SAFE-INTEGER', run: jsonBody },
  { name: 'fields', rule: 'the field rules (x-rules)', run: fieldRules },
  { name: 'identities', rule: 'NO-AUTH', run: identities },
  { name: 'in-flight', rule: 'RATE-LIMIT (a reading)', run: inFlight },
  { name: 'idempotency', rule: 'IDEMP-SAME IDEMP-CONFLICT IDEMP-TERMINAL', run: idempotency },
  { name: 'business-rules', rule: 'the business rules (x-rules)', run: businessRules },
  { name: 'place', rule: 'STATE-CONFIRM-MODE STATE-NO-CONFIRM-MODE RESP-ECHO', run: place },
];

const orders = new WeakMap<readonly CreateStep[], readonly Step[]>();

/** The table as a request runs it: the reorderable steps in the behaviour's order, in their own places. */
export function pathInOrder(checkOrder: readonly CreateStep[]): readonly Step[] {
  let path = orders.get(checkOrder);
  if (path !== undefined) return path;
  const movable = new Set<string>(CREATE_STEPS);
  const named = (name: CreateStep | undefined): Step => {
    const step = CREATE_PATH.find((s) => s.name === name);
    if (step === undefined) throw new Error(`the create path has no step ${String(name)}`);
    return step;
  };
  let next = 0;
  path = CREATE_PATH.map((step) => (movable.has(step.name) ? named(checkOrder[next++]) : step));
  orders.set(checkOrder, path);
  return path;
}

/** Runs the path until a step answers; a step that does not await does not yield (the idempotency seam). */
export async function walkPath(ctx: MockContext, w: Walk): Promise<Answer> {
  try {
    for (const step of pathInOrder(ctx.behaviour.checkOrder)) {
      const outcome = step.run(ctx, w);
      const answer = outcome instanceof Promise ? await outcome : outcome;
      if (answer !== undefined) return answer;
    }
  } finally {
    w.create?.release?.();
  }
  throw new Error('the create path ended without an answer');
}

/**
 * What node:http parsed but the routes must not see: an HTTP/1.1 request without Host and several
 * Authorization headers on the endpoint, which node:http would reduce to the first (AUTH-SINGLE, after the
 * route as in CHECK-ORDER). node:http's own Host check answers a bare, unsigned 400 (HTTP-MALFORMED).
 */
function protocol(_ctx: MockContext, w: Walk): Answer | undefined {
  const answer = protocolProblem(w);
  if (answer !== undefined) w.protocol = true;
  return answer;
}

function protocolProblem({ req, method, path }: Walk): Answer | undefined {
  if (req.httpVersion === '1.1' && req.headers.host === undefined)
    return closing(ruleAnswer('HTTP-MALFORMED', 'an HTTP/1.1 request needs a Host header'));
  if (method !== 'POST' || path !== ENDPOINT_PATH) return undefined;
  // rawHeaders (name, value, name, value, …) is already there; headersDistinct would build a map per request.
  let authorizations = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    if (req.rawHeaders[i]?.toLowerCase() === 'authorization') authorizations++;
  return authorizations > 1
    ? ruleAnswer('AUTH-SINGLE', `the request carries ${authorizations} Authorization headers; send one`)
    : undefined;
}

async function consoleRoute(_ctx: MockContext, w: Walk): Promise<Answer | undefined> {
  if (w.console?.owns(w.path) !== true) return undefined;
  const { bytes } = await handlers.readBody(w.req);
  const { headers, socket } = w.req;
  const outcome = await w.console.route({
    method: w.method,
    url: w.url,
    headers,
    remoteAddress: socket.remoteAddress,
    body: bytes,
  });
  w.consoleOwn = true;
  if (!('reply' in outcome)) return outcome.answer;
  w.reply = outcome.reply;
  return { status: outcome.reply.status };
}

function auditRoute(ctx: MockContext, w: Walk): Answer | undefined {
  const { tap } = ctx.config;
  if (tap?.audit === undefined || w.path !== AUDIT_CONTROL_PATH || w.method !== 'GET') return undefined;
  return isLoopback(w.req.socket.remoteAddress)
    ? { status: 200, body: tap.audit() }
    : errorAnswer('NO_AUTH', 'the audit answers loopback callers only');
}

async function controlApiRoute(ctx: MockContext, w: Walk): Promise<Answer | undefined> {
  if (ctx.config.control !== true || !w.path.startsWith(CONTROL_PREFIX)) return undefined;
  const { bytes } = await handlers.readBody(w.req);
  const { method, path } = w;
  return controlRoute(w.control, { method, path, remoteAddress: w.req.socket.remoteAddress, body: bytes });
}

/** Read per request: the console may switch faults and readings while the mock runs. */
function answerEverything(ctx: MockContext): Answer | undefined {
  const everything = ctx.behaviour.policy.answerEverything;
  return everything === undefined ? undefined : ruleAnswer(everything, 'the answer to every request (a fault)');
}

async function certificates(ctx: MockContext, w: Walk): Promise<Answer | undefined> {
  if (w.path !== CERTIFICATES_PATH) return undefined;
  const { bytes } = await handlers.readBody(w.req);
  return handlers.downloadCertificates(ctx, {
    method: w.method,
    pathWithQuery: w.url,
    headers: w.req.headers,
    body: bytes,
  });
}

function unknownRoute(_ctx: MockContext, { path }: Walk): Answer | undefined {
  return path === ENDPOINT_PATH ? undefined : ruleAnswer('ROUTE-UNKNOWN', `no resource ${path}`);
}

function wrongMethod(_ctx: MockContext, { method, path }: Walk): Answer | undefined {
  if (method === 'POST') return undefined;
  return { ...ruleAnswer('ROUTE-METHOD', `${method} is not allowed on ${path}; use POST`), headers: { Allow: 'POST' } };
}

async function readBody(ctx: MockContext, w: Walk): Promise<Answer | undefined> {
  const { bytes, overHardCap } = await handlers.readBody(w.req);
  w.bytes = bytes;
  w.bodyBytes = overHardCap ? BODY_LIMITS.hardCapBytes + 1 : bytes.length;
  const { tap } = ctx.config;
  if (tap === undefined) return undefined;
  w.seen = { method: w.method, url: w.url, headers: w.req.headers, body: bytes, receivedAt: ctx.wallClock() };
  const instead = tap.arrived?.(w.seen);
  return instead === undefined ? undefined : errorAnswer(instead.code, instead.message, instead.detail);
}

function hardCap(_ctx: MockContext, w: Walk): Answer | undefined {
  if (w.bodyBytes === undefined || w.bodyBytes <= BODY_LIMITS.hardCapBytes) return undefined;
  const answer = ruleAnswer('BODY-LIMITS', `the body is over ${BODY_LIMITS.hardCapBytes} bytes; not read further`);
  return { ...answer, headers: { Connection: 'close' } };
}
