import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { PROBE_SIGNATURE_PREFIX, signResponseAsync, type SignatureDiagnosis } from '../../apiv3';
import { resolvePointer, rule, specDocument, statusOfCode, type Violation } from '../../specification';
import type { MockContext } from '../context';

/** What a handler decides; sendAnswer turns it into signed bytes. */
export interface Answer {
  status: number;
  /** The JSON body, or `raw` for a stored answer replayed byte for byte. */
  body?: unknown;
  raw?: string;
  /** The error code, for the log line. */
  code?: string;
  /** The rule the answer refuses the request under, for the answer-shaping and signing seams. */
  ruleId?: string;
  headers?: Record<string, string>;
  /** Why a signature failed, when a known mistake explains it: for the log and the audits, never sent. */
  diagnosis?: SignatureDiagnosis;
}

/** An error answer; the status is the catalogue's for the code (x-error-codes) unless given. */
export function errorAnswer(
  code: string,
  message: string,
  detail?: Record<string, unknown>,
  status = statusOfCode(code),
): Answer {
  const body: Record<string, unknown> = { code, message };
  if (detail !== undefined) body['detail'] = detail;
  return { status, body, code };
}

/** The code of a field violation: the TYPE-* family's, which every field rule shares. */
const fieldRuleCode = (): string | undefined => specDocument()['x-rule-families'][0]?.expect?.codes[0];

/**
 * The code a rule is answered with: rule(id).expect.codes[0], never a hand-written mapping. A rule
 * with no expected answer is one the mock accepts; a reading that refuses it answers as for a field.
 */
export function codeOfRule(ruleId: string): string {
  const code = rule(ruleId).expect?.codes[0] ?? fieldRuleCode();
  if (code === undefined) throw new Error(`rule ${ruleId} has no expected code in openapi.yaml`);
  return code;
}

/** An error answer's message names the rule the mock refused under at its end: `… (AUTH-MCHID)`. */
const withRule = (message: string, ruleId: string): string => `${message} (${ruleId})`;

/** The rule an error answer's message names at its end (withRule), if any: what `pact verify` reads back. */
export function ruleOfMessage(message: string): string | undefined {
  return /\(([A-Z][A-Z0-9-]*)\)$/.exec(message)?.[1];
}

/** The error answer for the rule a request breaks. */
export function ruleAnswer(ruleId: string, message: string): Answer {
  return { ...errorAnswer(codeOfRule(ruleId), withRule(message, ruleId)), ruleId };
}

/** The error answer for a body violation, with detail {field, value, issue, location} (ERR-DETAIL-FIELD). */
export function violationAnswer(v: Violation, body: unknown): Answer {
  const value = v.pointer === '' ? body : resolvePointer(body, v.pointer);
  const detail: Record<string, unknown> = { field: v.pointer, issue: v.message, location: 'body' };
  if (value !== undefined) detail['value'] = value;
  return { ...errorAnswer(codeOfRule(v.ruleId), withRule(v.message, v.ruleId), detail), ruleId: v.ruleId };
}

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

/** An answer that could not be sent (signing or the socket failed): logged once, as a JSON line, with its Request-ID. */
export function logSendFailure(ctx: MockContext, requestId: string, error: unknown): void {
  ctx.log(
    JSON.stringify({
      level: 'error',
      request_id: requestId,
      error: error instanceof Error ? error.message : String(error),
    }),
  );
}
