import { randomBytes } from 'node:crypto';
import { DAY_MS, IDENTITY_FIELDS, requestExamples, secondTime, type BoundIdentities } from '..';

export type RequestExampleName = 'noConfirmMode' | 'confirmMode';

type Json = Record<string, unknown>;
/** A live body never names a host that resolves (the example's api.test.com might): .example is reserved (RFC 2606). */
const LIVE_NOTIFY_URL = 'https://merchant.example/notify';
/** Optional extras a live body leaves out: the mock's tests add each where they test it (RESP-ECHO-EXACT, RISK-CAP). */
const LIVE_OMITS = ['post_discounts', 'location', 'attach', 'need_user_confirm'];

/**
 * A valid create-order body: openapi.yaml's request example (a deep copy), for judging offline. Given
 * a live target's identities, it is bound to them (the identity fields the example carries) and gets
 * a fresh out_order_no and a time range a day ahead, without the optional extras, so that the target accepts it now. Overrides
 * replace top-level fields last. Test support, for the checks' and the mock's tests alike.
 */
export function validBody(
  ids?: BoundIdentities,
  overrides: Json = {},
  example: RequestExampleName = 'noConfirmMode',
): Json {
  const body = requestExamples()[example] as Json;
  if (ids === undefined) return { ...body, ...overrides };
  for (const field of IDENTITY_FIELDS) if (field in body) body[field] = ids[field];
  for (const field of LIVE_OMITS) delete body[field];
  return {
    ...body,
    out_order_no: `T${randomBytes(8).toString('hex')}`,
    notify_url: LIVE_NOTIFY_URL,
    time_range: {
      start_time: secondTime(Date.now() + DAY_MS),
      end_time: secondTime(Date.now() + 2 * DAY_MS),
    },
    ...overrides,
  };
}
