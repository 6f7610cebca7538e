import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { PROBE_SIGNATURE_PREFIX, signResponseAsync } from '../../apiv3';
import type { MockContext } from '../context';
import type { Answer } from './answer';

/** How far stale-response-timestamp backdates: twice the 5-minute window callers allow. */
const STALE_SECONDS = 600;

/**
 * The Wechatpay-* headers of a body, as the signing policy says (RESP-SIGNED, SIG-PROBE, RESP-TIMESTAMP). The
 * RSA signature is computed on libuv's thread pool, so the event loop reads, validates and writes
 * other requests meanwhile; the decision (and the store write) was already taken synchronously.
 */
async function signatureHeaders(
  ctx: MockContext,
  body: string,
  requestedSerial: string | undefined,
): Promise<Record<string, string>> {
  const { signature } = ctx.behaviour.policy;
  if (signature === 'none') return {};
  const key = ctx.platformKey(requestedSerial) ?? ctx.platformKey();
  if (key === undefined) throw new Error('the mock has no platform key');
  const stale = signature === 'stale' ? STALE_SECONDS : 0;
  const { responseNonces } = ctx.behaviour.policy;
  const first = ctx.behaviour.memory.firstIssued;
  if (responseNonces === 'repeated') first.nonce ??= randomBytes(16).toString('hex');
  const signed = signature === 'over-other-body' ? `${body} ` : body;
  const headers: Record<string, string> = {
    ...(await signResponseAsync({
      body: signed,
      privateKey: key.privateKey,
      serial: key.serial,
      timestamp: Math.floor(ctx.wallClock() / 1000) - stale,
      ...(responseNonces === 'repeated' ? { nonce: first.nonce } : {}),
    })),
  };
  if (signature === 'probe')
    headers['Wechatpay-Signature'] = `${PROBE_SIGNATURE_PREFIX}${randomBytes(32).toString('base64')}`;
  return headers;
}

/** Route answers a reading leaves bare, as a gateway in front of the API does. */
const bareRouteAnswer = (ctx: MockContext, answer: Answer): boolean =>
  !ctx.behaviour.policy.signRouteAnswers && (answer.ruleId === 'ROUTE-UNKNOWN' || answer.ruleId === 'ROUTE-METHOD');

/**
 * Serializes, signs and writes an answer; every answer, errors included, is signed JSON. The head
 * and the body leave in one write (Content-Length known, end() with the body).
 */
export async function sendAnswer(
  ctx: MockContext,
  res: ServerResponse,
  answer: Answer,
  requestId: string,
  requestedSerial: string | undefined,
  deliver?: (status: number, headers: Record<string, string | number>, body: string) => Promise<void> | void,
): Promise<void> {
  const body = answer.raw ?? JSON.stringify(answer.body ?? {});
  const bare = bareRouteAnswer(ctx, answer);
  const signature = bare ? {} : await signatureHeaders(ctx, body, requestedSerial);
  const headers: Record<string, string | number> = {
    'Content-Type': ctx.behaviour.policy.contentType,
    'Content-Length': Buffer.byteLength(body),
    ...answer.headers,
    ...signature,
  };
  const { policy, memory } = ctx.behaviour;
  if (policy.requestIds === 'repeated') memory.firstIssued.requestId ??= requestId;
  if (policy.requestId && !bare) headers['Request-ID'] = memory.firstIssued.requestId ?? requestId;
  // The client may have gone while the signature was computed: nothing left to answer.
  if (res.destroyed) return;
  if (deliver !== undefined) return deliver(answer.status, headers, body);
  res.writeHead(answer.status, headers);
  res.end(body);
}
