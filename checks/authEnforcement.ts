import type { Exchange } from '../client';
import { TIMESTAMP_WINDOW_SECONDS, parseAuthorization } from '../apiv3';
import { AUTH_RULES, type Recheck, rejectionCheck, requestHeader } from './judging';
import type { CheckContext, CheckDefinition } from './types';

/** What the recorded Authorization header proves about the case; signature, serial and mchid need the target's keys. */
function recheckAuthorization(exchange: Exchange, ctx: CheckContext, ruleId: string): Recheck {
  const header = requestHeader(exchange, 'Authorization');
  const parsed = parseAuthorization(header);
  const breaks = (message: string): Recheck => ({ kind: 'breaks', violations: [{ ruleId, pointer: '', message }] });
  switch (ruleId) {
    case 'AUTH-REQUIRED':
      return header === undefined ? breaks('no Authorization header was sent') : { kind: 'valid' };
    case 'AUTH-SCHEME':
      return parsed.ok ? { kind: 'valid' } : breaks(parsed.detail);
    case 'AUTH-TIMESTAMP': {
      if (!parsed.ok) return { kind: 'unknown', why: parsed.detail };
      const skew = Math.abs(ctx.now / 1000 - Number(parsed.params.timestamp));
      return skew > TIMESTAMP_WINDOW_SECONDS ? breaks(`timestamp is ${Math.round(skew)} s off`) : { kind: 'valid' };
    }
    default:
      return { kind: 'unknown', why: `${ruleId} depends on keys and state only the target has` };
  }
}

/** AUTH-*: missing, malformed, tampered, stale, wrong-serial or wrong-mchid credentials → 401 SIGN_ERROR (AUTH-MCHID: 401 or 403 on a foreign target). */
export const authEnforcement: CheckDefinition = rejectionCheck(
  AUTH_RULES,
  'A request with broken credentials is refused with 401 SIGN_ERROR.',
  recheckAuthorization,
);
