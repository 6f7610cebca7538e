import type { Exchange } from '../client';
import { HEADER_RULES, type Recheck, rejectionCheck, requestHeader } from './judging';
import type { CheckDefinition } from './types';

const mediaType = (range: string): string => range.split(';')[0]?.trim().toLowerCase() ?? '';

/** HDR-MEDIA-TYPE-PARAMS: an Accept that content negotiation satisfies with application/json. */
function admitsJson(accept: string): boolean {
  return accept.split(',').some((range) => {
    const q = /;\s*q\s*=\s*([0-9.]+)/i.exec(range);
    return ['application/json', 'application/*', '*/*'].includes(mediaType(range)) && (q === null || Number(q[1]) > 0);
  });
}

/** Whether the recorded request really breaks the header rule, so a 2xx is the target's fault. */
function recheckHeaders(exchange: Exchange, ruleId: string): Recheck {
  const breaks = (message: string): Recheck => ({ kind: 'breaks', violations: [{ ruleId, pointer: '', message }] });
  switch (ruleId) {
    case 'HDR-ACCEPT': {
      const accept = requestHeader(exchange, 'Accept');
      if (accept === undefined) return breaks('no Accept header was sent');
      return admitsJson(accept)
        ? { kind: 'valid' }
        : breaks(`Accept ${JSON.stringify(accept)} does not admit application/json`);
    }
    case 'HDR-CONTENT-TYPE': {
      const contentType = requestHeader(exchange, 'Content-Type');
      if (contentType === undefined) return breaks('no Content-Type header was sent');
      return mediaType(contentType) === 'application/json'
        ? { kind: 'valid' }
        : breaks(`Content-Type ${JSON.stringify(contentType)} is not application/json`);
    }
    default:
      return requestHeader(exchange, 'Wechatpay-Serial') === undefined
        ? { kind: 'valid' }
        : { kind: 'unknown', why: 'only the target knows which serials it has' };
  }
}

/** HDR-ACCEPT / HDR-CONTENT-TYPE / HDR-WECHATPAY-SERIAL → 400 INVALID_REQUEST. */
export const headerEnforcement: CheckDefinition = rejectionCheck(
  HEADER_RULES,
  'A request with a missing or wrong Accept or Content-Type, or an unknown Wechatpay-Serial, gets 400 INVALID_REQUEST.',
  (exchange, _ctx, ruleId) => recheckHeaders(exchange, ruleId),
);
