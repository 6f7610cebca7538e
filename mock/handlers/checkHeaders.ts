import type { IncomingHttpHeaders } from 'node:http';
import type { MockContext } from '../context';
import { ruleAnswer, type Answer } from './answer';
import { acceptsJson, isJsonContentType, JSON_MEDIA_TYPE } from '../../apiv3';

/** Accept, Content-Type and Wechatpay-Serial (HDR-*): the first broken rule's answer, or undefined. */
export function checkHeaders(ctx: MockContext, headers: IncomingHttpHeaders): Answer | undefined {
  const { policy } = ctx.behaviour;
  // A reading takes only the exact media type: no parameters, no other case, no wildcards.
  const exact = policy.mediaTypes === 'exact';
  const accept = headers['accept'];
  if (accept === undefined) {
    if (policy.missingAccept === 'refuse') return ruleAnswer('HDR-ACCEPT', 'the Accept header is missing');
  } else if (exact ? accept !== JSON_MEDIA_TYPE : !acceptsJson(accept)) {
    return ruleAnswer('HDR-ACCEPT', `Accept ${JSON.stringify(accept)} does not admit application/json`);
  }
  const contentType = headers['content-type'];
  if (contentType === undefined) return ruleAnswer('HDR-CONTENT-TYPE', 'the Content-Type header is missing');
  if (exact ? contentType !== JSON_MEDIA_TYPE : !isJsonContentType(contentType))
    return ruleAnswer('HDR-CONTENT-TYPE', `Content-Type ${JSON.stringify(contentType)} is not application/json`);
  const serial = headers['wechatpay-serial'];
  if (typeof serial === 'string' && ctx.platformKey(serial) === undefined) {
    return ruleAnswer('HDR-WECHATPAY-SERIAL', `Wechatpay-Serial ${serial} names no platform key of this server`);
  }
  return undefined;
}
