import type { IncomingHttpHeaders } from 'node:http';
import type { MockContext } from '../context';
import { ruleAnswer, type Answer } from './answer';
import { acceptsJson, isJsonContentType } from '../../apiv3';

/** Accept, Content-Type and Wechatpay-Serial (HDR-*): the first broken rule's answer, or undefined. */
export function checkHeaders(ctx: MockContext, headers: IncomingHttpHeaders): Answer | undefined {
  const accept = headers['accept'];
  if (accept === undefined) {
    if (!ctx.faults.has('accept-missing-accept')) return ruleAnswer('HDR-ACCEPT', 'the Accept header is missing');
  } else if (!acceptsJson(accept)) {
    return ruleAnswer('HDR-ACCEPT', `Accept ${JSON.stringify(accept)} does not admit application/json`);
  }
  const contentType = headers['content-type'];
  if (contentType === undefined) return ruleAnswer('HDR-CONTENT-TYPE', 'the Content-Type header is missing');
  if (!isJsonContentType(contentType)) return ruleAnswer('HDR-CONTENT-TYPE', `Content-Type ${JSON.stringify(contentType)} is not application/json`);
  const serial = headers['wechatpay-serial'];
  if (typeof serial === 'string' && ctx.platformKey(serial) === undefined) {
    return ruleAnswer('HDR-WECHATPAY-SERIAL', `Wechatpay-Serial ${serial} names no platform key of this server`);
  }
  return undefined;
}
