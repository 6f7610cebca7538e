// The catalogue of readings: legitimate behaviours the sources leave room for (DECISION rules, the
// open questions of facts §8, what HTTP permits). A correct implementation may behave this way, so
// the suites run against a foreign target must pass the mock under each reading alone and all at
// once (the fairness self-test). Each acts through the policy or a seam hook (mock/behaviour).
import {
  amountSum,
  chinaDay,
  parseTimeValue,
  rule,
  TYPE_PROPERTY_NAMES,
  type BusinessContext,
  type Violation,
} from '../specification';
import { isObject } from '../apiv3';
import { namedCatalogue, type Variation } from './behaviour';
import { CHINESE_MESSAGES, fillNoValue, GO_ZERO, JACKSON_NULL, omitEmpty, wechatDetail } from './behaviour';

export interface ReadingInfo {
  /** The rules whose room the reading uses. */
  rules: readonly string[];
  description: string;
}

type Json = Record<string, unknown>;
type Reading = ReadingInfo & Variation;
/** One entry in one call: the rules whose room it uses, what it does, how it acts (policy entries, seam hooks). */
const reading = (rules: readonly string[], description: string, how: Omit<Variation, 'description'>): Reading => ({
  rules,
  description,
  ...how,
});
const moveBefore = <T>(list: T[], item: T, before: T): T[] => {
  const rest = list.filter((x) => x !== item);
  rest.splice(rest.indexOf(before), 0, item);
  return rest;
};
const refuse = (ruleId: string, pointer: string, message: string): Violation => ({ ruleId, pointer, message });
/** A field or business hook that adds one refusal where `when` holds. */
const refuseWhen =
  <A extends unknown[]>(when: (b: Json, ...ctx: A) => boolean, ruleId: string, pointer: string, message: string) =>
  (v: Violation[], b: Json, ...ctx: A): Violation[] =>
    when(b, ...ctx) ? [...v, refuse(ruleId, pointer, message)] : v;
const discounts = (b: Json): Json[] =>
  (Array.isArray(b['post_discounts']) ? (b['post_discounts'] as unknown[]) : []).filter(isObject);
/** Rules whose foreign answer admits two codes: a reading answers the other one. */
const swapped = (ruleId: string | undefined, code: string): string | undefined =>
  ruleId === undefined
    ? undefined
    : rule(ruleId).foreign?.codes.find((c) => c !== code && rule(ruleId).foreign?.statuses.includes(400));
const withoutNulls = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
};

/** The rate of the reading that throttles: the busy target of issue #20. */
const THROTTLE_PER_SECOND = 40;

// A table, one reading a line where it fits: Prettier would break the long descriptions into blocks of one shape.
// prettier-ignore
export const READINGS = {
  'identities-before-fields': reading(['CHECK-ORDER', 'NO-AUTH'], 'checks the identities (403 NO_AUTH) before the field rules', { checkOrder: (s) => moveBefore(s, 'identities', 'fields') }),
  'headers-before-authentication': reading(['CHECK-ORDER'], 'checks Accept, Content-Type and Wechatpay-Serial before Authorization', { checkOrder: (s) => moveBefore(s, 'headers', 'authentication') }),
  'route-errors-invalid-request': reading(
    ['ROUTE-UNKNOWN', 'ROUTE-METHOD'],
    'answers an unknown path 404 INVALID_REQUEST and another method 405 INVALID_REQUEST',
    {
      policy: {
        unknownPathAnswer: { status: 404, code: 'INVALID_REQUEST' },
        wrongMethodAnswer: { status: 405, code: 'INVALID_REQUEST' },
      },
    },
  ),
  'wrong-method-not-found': reading(['ROUTE-METHOD'], 'answers another method on the endpoint 404 NOT_FOUND, as for an unknown path', { policy: { wrongMethodAnswer: { status: 404, code: 'NOT_FOUND' } } }),
  'bare-route-answers': reading(['ROUTE-UNKNOWN', 'ROUTE-METHOD', 'RESP-SIGNED', 'RESP-REQUEST-ID'], 'answers unknown paths and methods unsigned and without Request-ID, as a gateway in front of the API does', { policy: { signRouteAnswers: false } }),
  'oversized-413': reading(['BODY-LIMITS'], "answers a body over the size limit 413 (HTTP's Content Too Large)", { policy: { oversizedStatus: 413 } }),
  'exact-media-types': reading(['HDR-MEDIA-TYPE-PARAMS'], 'takes only Accept and Content-Type exactly application/json: parameters, other case and wildcards are refused', { policy: { mediaTypes: 'exact' } }),
  'wide-timestamp-window': reading(['AUTH-TIMESTAMP-WINDOW'], 'accepts request timestamps up to 15 minutes away (stale beyond that)', { policy: { timestampWindowSeconds: 900 } }),
  'no-nonce-replay-check': reading(['AUTH-NONCE-REPLAY'], 'does not remember nonces: a replayed nonce_str with a valid signature is accepted', { policy: { nonceReplay: 'accept' } }),
  'unknown-mchid-forbidden': reading(['AUTH-MCHID'], 'answers an mchid it does not have 403 NO_AUTH', { policy: { unknownMchid: 'forbid' } }),
  'null-as-absent': reading(['TYPE-NULL'], 'reads a null field as absent', { bodyView: (b) => withoutNulls(b) as Json }),
  'unknown-fields-refused': reading(['EXTRA-FIELDS-IGNORED'], 'refuses unknown top-level fields with PARAM_ERROR', {
    fieldRules: (v, b) => [
      ...v,
      ...Object.keys(b)
        .filter((k) => !KNOWN_FIELDS.has(k))
        .map((k) => refuse('EXTRA-FIELDS-IGNORED', `/${k}`, `unknown field ${k}`)),
    ],
  }),
  'empty-arrays-refused': reading(
    ['EMPTY-ARRAYS-OK'],
    'refuses an empty post_payments or post_discounts with PARAM_ERROR',
    {
      fieldRules: (v, b) => [
        ...v,
        ...['post_payments', 'post_discounts']
          .filter((k) => Array.isArray(b[k]) && (b[k] as unknown[]).length === 0)
          .map((k) => refuse('EMPTY-ARRAYS-OK', `/${k}`, `${k} is empty`)),
      ],
    },
  ),
  'refuse-discount-amount': reading(
    ['DISC-AMOUNT'],
    'takes no discount amount on create: a post_discounts item with amount is refused with PARAM_ERROR',
    {
      fieldRules: (v, b) => [
        ...v,
        ...discounts(b).flatMap((d, i) =>
          'amount' in d
            ? [refuse('DISC-AMOUNT', `/post_discounts/${i}/amount`, 'create takes no discount amount')]
            : [],
        ),
      ],
    },
  ),
  'confirm-mode-refuses-user-ids': reading(['CONFIRM-MODE-OPENID'], 'refuses openid or sub_openid with need_user_confirm true (older text: "not filled")', { fieldRules: refuseWhen(userIdsInConfirmMode, 'CONFIRM-MODE-OPENID', '/openid', 'openid is not filled in confirm mode') }),
  'onaccept-needs-confirm': reading(['ONACCEPT-ANY-MODE'], 'refuses start_time OnAccept unless need_user_confirm is true (PARAM_ERROR)', { fieldRules: refuseWhen(onAcceptWithoutConfirm, 'TIME-START-FORMAT', '/time_range/start_time', 'OnAccept needs need_user_confirm true') }),
  'calendar-lenient': reading(['TIME-CALENDAR'], 'does not check that dates exist on the calendar', { businessRules: (v) => v.filter((x) => x.ruleId !== 'TIME-CALENDAR') }),
  'now-edges-strict': reading(['TIME-NOW-EDGES'], 'refuses a day-precision start_time on the day of the call (it wants a later day)', { businessRules: refuseWhen(startsToday, 'TIME-START-FUTURE', '/time_range/start_time', 'start_time must be a later day') }),
  'empty-discounts-present': reading(['RISK-CAP-EMPTY-DISCOUNTS'], 'reads post_discounts: [] as discounts present, so the payment-sum cap does not apply', { businessRules: (v) => v.filter((x) => x.ruleId !== 'RISK-CAP-EMPTY-DISCOUNTS') }),
  'payment-cap-with-discounts': reading(['RISK-CAP-WITH-DISCOUNTS'], 'applies the payment-sum cap with discounts present too', { businessRules: refuseWhen(paymentsOverCapWithDiscounts, 'RISK-CAP', '/post_payments', 'payments sum over the cap') }),
  'replay-byte-exact': reading(['IDEMP-SAME-JSON'], 'a replay is the same parameters only byte for byte: reordered keys or other white space are a conflict', { policy: { sameParameters: 'bytes' } }),
  'fresh-package-on-replay': reading(['IDEMP-SAME-JSON'], 'a confirm-mode replay answers a fresh package', { policy: { replay: 'fresh-package' } }),
  'prefixed-order-id': reading(['RESP-ORDER-ID'], 'order_id of another form: a letter prefix and hex digits', { policy: { orderIdFormat: 'prefixed' } }),
  'default-count-filled': reading(
    ['RESP-ECHO-EXACT'],
    'echoes payments and discounts with the default count 1 filled in',
    {
      okBody: (r) => ({
        ...r,
        ...Object.fromEntries(
          ['post_payments', 'post_discounts']
            .filter((k) => Array.isArray(r[k]))
            .map((k) => [k, (r[k] as Json[]).map((item) => ({ count: 1, ...item }))]),
        ),
      }),
    },
  ),
  'extra-response-fields': reading(
    ['RESP-SCHEMA', 'ERR-SCHEMA'],
    'adds fields of its own to answers, 200 and errors (WeChat adds fields over time)',
    {
      okBody: (r) => ({ ...r, service_order_extra: { source: 'reading' } }),
      errorBody: ({ body }) => ({ ...body, error_trace: 'reading-extra-field' }),
    },
  ),
  'error-without-detail': reading(['ERR-DETAIL-FIELD'], 'error answers carry code and message only', { errorBody: ({ body }) => ({ code: body.code, message: body.message }) }),
  'wechat-error-details': reading(['ERR-DETAIL-FIELD'], "error details in WeChat Pay's own shapes: SIGN_ERROR nested with sign_information, PARAM_ERROR {location, value} with the field named in the message", { errorBody: ({ body }) => wechatDetail(body) }),
  'chinese-messages': reading(['ERR-SCHEMA'], 'error messages in Chinese', { errorBody: ({ body }) => ({ ...body, message: CHINESE_MESSAGES[body.code] ?? body.message }) }),
  'swapped-cross-field-codes': reading(
    [
      'OPENID-EXCLUSIVE',
      'SUBOPENID-NEEDS-SUBAPPID',
      'PAY-AMOUNT-OR-DESC',
      'PAY-NAME-UNIQUE',
      'DISC-NAME-UNIQUE',
      'LOC-END-NEEDS-START',
      'RISK-CAP',
      'TIME-START-FUTURE',
      'TIME-END-AFTER-START',
      'BODY-NOT-JSON',
      'BODY-NOT-OBJECT',
    ],
    'answers the cross-field and business rules with the other 400 code (PARAM_ERROR for INVALID_REQUEST and back)',
    {
      errorBody: ({ ruleId, body }) => ({ ...body, code: swapped(ruleId, body.code) ?? body.code }),
    },
  ),
  'null-for-absent-fields': reading(['RESP-ABSENT-FORM', 'RESP-ECHO-EXACT'], "writes every optional field with no value as null, in 200 and error answers (Jackson's default Include.ALWAYS)", { okBody: (r) => fillNoValue(r, RESPONSE, JACKSON_NULL), errorBody: ({ body }) => ({ detail: null, ...body }) as unknown as typeof body }),
  'empty-for-absent-fields': reading(['RESP-ABSENT-FORM', 'RESP-ECHO-EXACT'], 'writes optional fields with no value as Go does without omitempty: "" for strings, null for slices and numbers, a zero struct for location', { okBody: (r) => fillNoValue(r, RESPONSE, GO_ZERO) }),
  'omit-empty-fields': reading(['RESP-ABSENT-FORM'], 'drops "" and [] from its answers, sent or not (Go\'s omitempty): an empty attach or post_payments is not echoed', { okBody: (r) => omitEmpty(r) as Json }),
  'case-insensitive-out-order-no': reading(['IDEMP-CASE'], 'compares out_order_no case aside (a case-insensitive column): abc after ABC is the same order, a conflict when the bodies differ', { policy: { outOrderNoMatch: 'case-insensitive' } }),
  'throttle-by-rate': reading(['RATE-LIMIT'], `throttles each mchid to ${THROTTLE_PER_SECOND} requests per second: beyond it 429 FREQUENCY_LIMITED with Retry-After: 1, as WeChat Pay and gateways do`, { policy: { rateLimitPerSecond: THROTTLE_PER_SECOND } }),
  'throttle-in-flight-duplicates': reading(['RATE-LIMIT', 'IDEMP-SAME', 'IDEMP-CONFLICT'], 'answers a create of an out_order_no that another create is still placing 429 FREQUENCY_LIMITED, without Retry-After', { policy: { inFlightDuplicates: 'throttle' } }),
} satisfies Record<string, Reading>;

const RESPONSE = 'CreateOrderResponse';
const KNOWN_FIELDS = new Set<string>(TYPE_PROPERTY_NAMES.CreateOrderRequest);
// The conditions of the refusing readings (declarations, so the table above may name them).
function userIdsInConfirmMode(b: Json): boolean {
  return b['need_user_confirm'] === true && (b['openid'] !== undefined || b['sub_openid'] !== undefined);
}
function onAcceptWithoutConfirm(b: Json): boolean {
  return (b['time_range'] as Json | undefined)?.['start_time'] === 'OnAccept' && b['need_user_confirm'] !== true;
}
function startsToday(b: Json, ctx: BusinessContext): boolean {
  return startDay(b) !== undefined && startDay(b)! <= chinaDay(ctx.now);
}
function paymentsOverCapWithDiscounts(b: Json, ctx: BusinessContext): boolean {
  return Array.isArray(b['post_discounts']) && amountSum(b['post_payments']) > ctx.riskFundCap;
}
/** The China day of a day-precision start_time, else undefined. */
function startDay(b: Json): number | undefined {
  const start = (b['time_range'] as Json | undefined)?.['start_time'];
  const parsed = typeof start === 'string' ? parseTimeValue(start) : undefined;
  return parsed?.kind === 'day' ? parsed.day : undefined;
}

export type ReadingName = keyof typeof READINGS;

/** The catalogue as data (reading name → {rules, description}) and its name guard. */
export const { catalogue: readingCatalogue, isName: isReadingName } = namedCatalogue(
  READINGS,
  ({ rules, description }): ReadingInfo => ({ rules, description }),
);
