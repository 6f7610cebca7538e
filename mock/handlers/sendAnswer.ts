import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { PROBE_SIGNATURE_PREFIX, signResponse } from '../../client/signing';
import type { MockContext } from '../context';
import type { Answer } from './answer';
import { JSON_MEDIA_TYPE } from './mediaTypes';

/** How far stale-response-timestamp backdates: twice the 5-minute window callers allow. */
const STALE_SECONDS = 600;

/** The Wechatpay-* headers of a body, faults applied (RESP-SIGNED, SIG-PROBE, RESP-TIMESTAMP). */
function signatureHeaders(ctx: MockContext, body: string, requestedSerial: string | undefined): Record<string, string> {
  if (ctx.faults.has('unsigned-answers')) return {};
  const key = ctx.platformKey(requestedSerial) ?? ctx.platformKey();
  if (key === undefined) throw new Error('the mock has no platform key');
  const stale = ctx.faults.has('stale-response-timestamp') ? STALE_SECONDS : 0;
  const signed = ctx.faults.has('bad-signature') ? `${body} ` : body;
  const headers: Record<string, string> = {
    ...signResponse({ body: signed, privateKey: key.privateKey, serial: key.serial, timestamp: Math.floor(ctx.wallClock() / 1000) - stale }),
  };
  if (ctx.faults.has('probe-signature')) headers['Wechatpay-Signature'] = `${PROBE_SIGNATURE_PREFIX}${randomBytes(32).toString('base64')}`;
  return headers;
}

/** Serializes, signs and writes an answer; every answer, errors included, is signed JSON. */
export function sendAnswer(ctx: MockContext, res: ServerResponse, answer: Answer, requestId: string, requestedSerial: string | undefined): void {
  const body = answer.raw ?? JSON.stringify(answer.body ?? {});
  const headers: Record<string, string | number> = {
    'Content-Type': ctx.faults.has('text-content-type') ? 'text/plain' : JSON_MEDIA_TYPE,
    'Content-Length': Buffer.byteLength(body),
    ...answer.headers,
    ...signatureHeaders(ctx, body, requestedSerial),
  };
  if (!ctx.faults.has('no-request-id')) headers['Request-ID'] = requestId;
  res.writeHead(answer.status, headers);
  res.end(body);
}
