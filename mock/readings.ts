// The catalogue of readings: legitimate behaviours the sources leave room for (DECISION rules, the
// open questions of facts §8, what HTTP permits). A correct implementation may behave this way, so
// the suites run against a foreign target must pass the mock under each reading alone and all at
// once (the fairness self-test). Each acts through the policy or a seam hook (mock/behaviour).
import { chinaDay, parseTimeValue, rule, TYPE_PROPERTY_NAMES, type Violation } from '../spec';
import { namedCatalogue, type Variation } from './behaviour';
import { CHINESE_MESSAGES, wechatDetail } from './behaviour/wechatErrorShapes';

export interface ReadingInfo {
  /** The rules whose room the reading uses. */
  rules: readonly string[];
  description: string;
}

type Json = Record<string, unknown>;
type Reading = ReadingInfo & Variation;
const moveBefore = <T>(list: T[], item: T, before: T): T[] => {
  const rest = list.filter((x) => x !== item);
  rest.splice(rest.indexOf(before), 0, item);
  return rest;
};
const refuse = (ruleId: string, pointer: string, message: string): Violation => ({ ruleId, pointer, message });
const payments = (b: Json): Json[] => (Array.isArray(b['post_payments']) ? (b['post_payments'] as Json[]) : []);
const discounts = (b: Json): Json[] =>
  (Array.isArray(b['post_discounts']) ? (b['post_discounts'] as unknown[]) : []).filter(isObject);
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
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

export const READINGS = {
  'identities-before-fields': {
    rules: ['CHECK-ORDER', 'NO-AUTH'],
    description: 'checks the identities (403 NO_AUTH) before the field rules',
    checkOrder: (s) => moveBefore(s, 'identities', 'fields'),
  },
  'headers-before-authentication': {
    rules: ['CHECK-ORDER'],
    description: 'checks Accept, Content-Type and Wechatpay-Serial before Authorization',
    checkOrder: (s) => moveBefore(s, 'headers', 'authentication'),
  },
  'route-errors-invalid-request': {
    rules: ['ROUTE-UNKNOWN', 'ROUTE-METHOD'],
    description: 'answers an unknown path 404 INVALID_REQUEST and another method 405 INVALID_REQUEST',
    policy: {
      unknownPathAnswer: { status: 404, code: 'INVALID_REQUEST' },
      wrongMethodAnswer: { status: 405, code: 'INVALID_REQUEST' },
    },
  },
  'wrong-method-not-found': {
    rules: ['ROUTE-METHOD'],
    description: 'answers another method on the endpoint 404 NOT_FOUND, as for an unknown path',
    policy: { wrongMethodAnswer: { status: 404, code: 'NOT_FOUND' } },
  },
  'bare-route-answers': {
    rules: ['ROUTE-UNKNOWN', 'ROUTE-METHOD', 'RESP-SIGNED', 'RESP-REQUEST-ID'],
    description:
      'answers unknown paths and methods unsigned and without Request-ID, as a gateway in front of the API does',
    policy: { signRouteAnswers: false },
  },
  'oversized-413': {
    rules: ['BODY-LIMITS'],
    description: "answers a body over the size limit 413 (HTTP's Content Too Large)",
    policy: { oversizedStatus: 413 },
  },
  'exact-media-types': {
    rules: ['HDR-MEDIA-TYPE-PARAMS'],
    description:
      'takes only Accept and Content-Type exactly application/json: parameters, other case and wildcards are refused',
    policy: { mediaTypes: 'exact' },
  },
  'wide-timestamp-window': {
    rules: ['AUTH-TIMESTAMP-WINDOW'],
    description: 'accepts request timestamps up to 15 minutes away (stale beyond that)',
    policy: { timestampWindowSeconds: 900 },
  },
  'no-nonce-replay-check': {
    rules: ['AUTH-NONCE-REPLAY'],
    description: 'does not remember nonces: a replayed nonce_str with a valid signature is accepted',
    policy: { nonceReplay: 'accept' },
  },
  'unknown-mchid-forbidden': {
    rules: ['AUTH-MCHID'],
    description: 'answers an mchid it does not have 403 NO_AUTH',
    policy: { unknownMchid: 'forbid' },
  },
  'null-as-absent': {
    rules: ['TYPE-NULL'],
    description: 'reads a null field as absent',
    bodyView: (b) => withoutNulls(b) as Json,
  },
  'unknown-fields-refused': {
    rules: ['EXTRA-FIELDS-IGNORED'],
    description: 'refuses unknown top-level fields with PARAM_ERROR',
    fieldRules: (v, b) => [
      ...v,
      ...Object.keys(b)
        .filter((k) => !KNOWN_FIELDS.has(k))
        .map((k) => refuse('EXTRA-FIELDS-IGNORED', `/${k}`, `unknown field ${k}`)),
    ],
  },
  'empty-arrays-refused': {
    rules: ['EMPTY-ARRAYS-OK'],
    description: 'refuses an empty post_payments or post_discounts with PARAM_ERROR',
    fieldRules: (v, b) => [
      ...v,
      ...['post_payments', 'post_discounts']
        .filter((k) => Array.isArray(b[k]) && (b[k] as unknown[]).length === 0)
        .map((k) => refuse('EMPTY-ARRAYS-OK', `/${k}`, `${k} is empty`)),
    ],
  },
  'refuse-discount-amount': {
    rules: ['DISC-AMOUNT'],
    description: 'takes no discount amount on create: a post_discounts item with amount is refused with PARAM_ERROR',
    fieldRules: (v, b) => [
      ...v,
      ...discounts(b).flatMap((d, i) =>
        'amount' in d ? [refuse('DISC-AMOUNT', `/post_discounts/${i}/amount`, 'create takes no discount amount')] : [],
      ),
    ],
  },
  'confirm-mode-refuses-user-ids': {
    rules: ['CONFIRM-MODE-OPENID'],
    description: 'refuses openid or sub_openid with need_user_confirm true (older text: "not filled")',
    fieldRules: (v, b) =>
      b['need_user_confirm'] === true && (b['openid'] !== undefined || b['sub_openid'] !== undefined)
        ? [...v, refuse('CONFIRM-MODE-OPENID', '/openid', 'openid is not filled in confirm mode')]
        : v,
  },
  'onaccept-needs-confirm': {
    rules: ['ONACCEPT-ANY-MODE'],
    description: 'refuses start_time OnAccept unless need_user_confirm is true (PARAM_ERROR)',
    fieldRules: (v, b) =>
      (b['time_range'] as Json | undefined)?.['start_time'] === 'OnAccept' && b['need_user_confirm'] !== true
        ? [...v, refuse('TIME-START-FORMAT', '/time_range/start_time', 'OnAccept needs need_user_confirm true')]
        : v,
  },
  'calendar-lenient': {
    rules: ['TIME-CALENDAR'],
    description: 'does not check that dates exist on the calendar',
    businessRules: (v) => v.filter((x) => x.ruleId !== 'TIME-CALENDAR'),
  },
  'now-edges-strict': {
    rules: ['TIME-NOW-EDGES'],
    description: 'refuses a day-precision start_time on the day of the call (it wants a later day)',
    businessRules: (v, b, ctx) =>
      startDay(b) !== undefined && startDay(b)! <= chinaDay(ctx.now)
        ? [...v, refuse('TIME-START-FUTURE', '/time_range/start_time', 'start_time must be a later day')]
        : v,
  },
  'empty-discounts-present': {
    rules: ['RISK-CAP-EMPTY-DISCOUNTS'],
    description: 'reads post_discounts: [] as discounts present, so the payment-sum cap does not apply',
    businessRules: (v) => v.filter((x) => x.ruleId !== 'RISK-CAP-EMPTY-DISCOUNTS'),
  },
  'payment-cap-with-discounts': {
    rules: ['RISK-CAP-WITH-DISCOUNTS'],
    description: 'applies the payment-sum cap with discounts present too',
    businessRules: (v, b, ctx) =>
      Array.isArray(b['post_discounts']) &&
      payments(b).reduce((s, p) => s + (typeof p['amount'] === 'number' ? p['amount'] : 0), 0) > ctx.riskFundCap
        ? [...v, refuse('RISK-CAP', '/post_payments', 'payments sum over the cap')]
        : v,
  },
  'replay-byte-exact': {
    rules: ['IDEMP-SAME-JSON'],
    description:
      'a replay is the same parameters only byte for byte: reordered keys or other white space are a conflict',
    policy: { sameParameters: 'bytes' },
  },
  'fresh-package-on-replay': {
    rules: ['IDEMP-SAME-JSON'],
    description: 'a confirm-mode replay answers a fresh package',
    policy: { replay: 'fresh-package' },
  },
  'prefixed-order-id': {
    rules: ['RESP-ORDER-ID'],
    description: 'order_id of another form: a letter prefix and hex digits',
    policy: { orderIdFormat: 'prefixed' },
  },
  'default-count-filled': {
    rules: ['RESP-ECHO-EXACT'],
    description: 'echoes payments and discounts with the default count 1 filled in',
    okBody: (r) => ({
      ...r,
      ...Object.fromEntries(
        ['post_payments', 'post_discounts']
          .filter((k) => Array.isArray(r[k]))
          .map((k) => [k, (r[k] as Json[]).map((item) => ({ count: 1, ...item }))]),
      ),
    }),
  },
  'extra-response-fields': {
    rules: ['RESP-SCHEMA', 'ERR-SCHEMA'],
    description: 'adds fields of its own to answers, 200 and errors (WeChat adds fields over time)',
    okBody: (r) => ({ ...r, service_order_extra: { source: 'reading' } }),
    errorBody: ({ body }) => ({ ...body, error_trace: 'reading-extra-field' }),
  },
  'error-without-detail': {
    rules: ['ERR-DETAIL-FIELD'],
    description: 'error answers carry code and message only',
    errorBody: ({ body }) => ({ code: body.code, message: body.message }),
  },
  'wechat-error-details': {
    rules: ['ERR-DETAIL-FIELD'],
    description:
      "error details in WeChat Pay's own shapes: SIGN_ERROR nested with sign_information, PARAM_ERROR {location, value} with the field named in the message",
    errorBody: ({ body }) => wechatDetail(body),
  },
  'chinese-messages': {
    rules: ['ERR-SCHEMA'],
    description: 'error messages in Chinese',
    errorBody: ({ body }) => ({ ...body, message: CHINESE_MESSAGES[body.code] ?? body.message }),
  },
  'swapped-cross-field-codes': {
    rules: [
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
    description:
      'answers the cross-field and business rules with the other 400 code (PARAM_ERROR for INVALID_REQUEST and back)',
    errorBody: ({ ruleId, body }) => ({ ...body, code: swapped(ruleId, body.code) ?? body.code }),
  },
} as const satisfies Record<string, Reading>;

const KNOWN_FIELDS = new Set<string>(TYPE_PROPERTY_NAMES.CreateOrderRequest);
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
