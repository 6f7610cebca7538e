// The catalogue of opt-in defects. Each names the ONE rule (openapi.yaml x-rules) it breaks; with
// a fault on, the mock behaves correctly in every other respect. Each acts through the policy or a
// seam hook (mock/behaviour), never through checks in the handlers. The fault self-test iterates it.
import { limits, MINUTE_MS, type Violation } from '../specification';
import { namedCatalogue, type ErrorShape, type Variation } from './behaviour';
import { atMax, bind, charCount, overCap, refuseIf, sharedPackage, secondOrderId } from './behaviour';

export interface FaultInfo {
  ruleId: string;
  description: string;
}

type Fault = FaultInfo & Variation;
/** One entry in one call: the rule it breaks, what it does, how it acts (policy entries, seam hooks). */
const fault = (ruleId: string, description: string, how: Omit<Variation, 'description'>): Fault => ({
  ruleId,
  description,
  ...how,
});
const tolerate =
  (ruleId: string, when: (body: Record<string, unknown>) => boolean) =>
  (violations: Violation[], body: Record<string, unknown>): Violation[] =>
    when(body) ? violations.filter((v) => v.ruleId !== ruleId) : violations;

// A table, one fault a line: Prettier would break the long descriptions into blocks of one shape.
// prettier-ignore
export const FAULTS = {
  'accept-long-out-order-no': fault(
    'OON-LENGTH',
    'accepts an out_order_no one character over the maximum (33 characters)',
    {
      fieldRules: tolerate(
        'OON-LENGTH',
        (b) =>
          typeof b['out_order_no'] === 'string' && [...b['out_order_no']].length === limits().outOrderNoMaxLength + 1,
      ),
    },
  ),
  'accept-both-openids': fault('OPENID-EXCLUSIVE', 'accepts openid and sub_openid together in no-confirm mode', {
    fieldRules: tolerate('OPENID-EXCLUSIVE', (b) => b['openid'] !== undefined && b['sub_openid'] !== undefined),
  }),
  'ignore-risk-cap': fault('RISK-CAP', 'accepts risk_fund.amount and payment sums over the risk-fund cap', {
    businessRules: tolerate('RISK-CAP', () => true),
  }),
  'risk-cap-exclusive': fault(
    'RISK-CAP',
    'refuses a risk_fund.amount equal to the cap (an off-by-one: < instead of <=)',
    {
      businessRules: (v, b, ctx) =>
        (b['risk_fund'] as { amount?: unknown } | undefined)?.amount === ctx.riskFundCap
          ? [
              ...v,
              {
                ruleId: 'RISK-CAP',
                pointer: '/risk_fund/amount',
                message: `risk_fund.amount ${ctx.riskFundCap} is not below the cap`,
              },
            ]
          : v,
    },
  ),
  'skip-identity-check': fault('NO-AUTH', 'never answers 403 NO_AUTH: any service_id, appid, sub_mchid/channel_id, sub_appid passes', { policy: { bindings: 'skipped' } }),
  'skip-signature-check': fault('AUTH-SIGNATURE', 'accepts a request signature that does not verify (other Authorization checks stay)', { policy: { badSignature: 'accept' } }),
  'verified-header-cache': fault('AUTH-SIGNATURE', 'trusts an Authorization header that verified once, so a body changed under a replayed header is accepted', { policy: { verifiedHeaderCache: true } }),
  'signature-over-reserialized-body': fault('VALID-ACCEPTED', 'verifies the signature over the body re-serialised by JSON.stringify, not the bytes received: other JSON wire forms are refused', { policy: { signedBody: 'reserialized' } }),
  'strict-authorization-format': fault('AUTH-SCHEME', 'refuses Authorization parameters in another order than mchid, nonce_str, timestamp, serial_no, signature, or with spaces', { policy: { authorizationFormat: 'canonical-only' } }),
  'ignore-mchid': fault('AUTH-MCHID', 'verifies the signature with the merchant key whatever mchid Authorization names, and answers 200 for another merchant id', { policy: { unknownMchid: 'accept' } }),
  'accept-stale-timestamp': fault('AUTH-TIMESTAMP', 'accepts an Authorization timestamp of any age', { policy: { timestampWindowSeconds: Number.MAX_SAFE_INTEGER } }),
  'accept-replayed-nonce': fault('AUTH-NONCE-REPLAY', 'accepts a nonce_str already seen within the window', { policy: { nonceReplay: 'accept' } }),
  'accept-missing-accept': fault('HDR-ACCEPT', 'accepts a request without an Accept header', { policy: { missingAccept: 'accept' } }),
  'new-order-id-on-replay': fault('IDEMP-SAME', 'a replay with the same parameters answers 200 with a fresh order_id', { policy: { replay: 'new-order-id' } }),
  'racy-idempotency': fault('IDEMP-SAME', 'looks up out_order_no on a copy that lags a second behind the insert, so concurrent (and quick repeated) identical creates each answer an order of their own', { policy: { lookup: 'racy' } }),
  'conflict-overwrites': fault('IDEMP-SAME', 'a conflicting create is refused but overwrites the stored parameters, so the original body no longer replays', { policy: { onConflict: 'refuse-and-overwrite' } }),
  'conflict-accepted': fault('IDEMP-CONFLICT', 'the same out_order_no with different parameters answers the stored order (200) instead of 400', { policy: { onConflict: 'answer-stored' } }),
  'shallow-conflict-check': fault('IDEMP-CONFLICT', 'compares only the top-level scalar fields of a replay, so a change inside post_payments, risk_fund, time_range or location answers the old order', { policy: { sameParameters: 'top-level-scalars' } }),
  'replay-without-package': fault('STATE-CONFIRM-MODE', 'a confirm-mode replay answers the order without its package', { policy: { replay: 'without-package' } }),
  'confirm-mode-doing': fault(
    'STATE-CONFIRM-MODE',
    'need_user_confirm true answers DOING/USER_CONFIRM without a package',
    {
      okBody: (r, b) =>
        b['need_user_confirm'] === true
          ? withoutPackage({ ...r, state: 'DOING', state_description: 'USER_CONFIRM' })
          : r,
    },
  ),
  'no-confirm-created': fault('STATE-NO-CONFIRM-MODE', 'need_user_confirm false or absent answers CREATED', {
    okBody: (r, b) => (b['need_user_confirm'] === true ? r : withoutDescription({ ...r, state: 'CREATED' })),
  }),
  'wrong-mchid-echo': fault(
    'RESP-MCHID',
    "the 200 body carries the body's channel_id as mchid instead of the Authorization mchid",
    {
      okBody: (r, b) => ({ ...r, mchid: b['channel_id'] === r['mchid'] ? `${String(r['mchid'])}0` : b['channel_id'] }),
    },
  ),
  'echo-drift': fault(
    'RESP-ECHO',
    'the echoed service_introduction has its first non-ASCII character replaced by "?" (a lossy transcoding)',
    {
      okBody: (r) =>
        typeof r['service_introduction'] === 'string'
          ? { ...r, service_introduction: r['service_introduction'].replace(/[^\x00-\x7f]/u, '?') }
          : r,
    },
  ),
  'unsigned-answers': fault('RESP-SIGNED', 'answers carry no Wechatpay-* signature headers', { policy: { signature: 'none' } }),
  'bad-signature': fault('RESP-SIGNED', 'answers are signed over a body other than the one sent', { policy: { signature: 'over-other-body' } }),
  'probe-signature': fault('SIG-PROBE', 'answers carry a WECHATPAY/SIGNTEST/ probe signature', { policy: { signature: 'probe' } }),
  'stale-response-timestamp': fault('RESP-TIMESTAMP', 'answers are signed correctly with a Wechatpay-Timestamp ten minutes in the past', { policy: { signature: 'stale' } }),
  'no-request-id': fault('RESP-REQUEST-ID', 'answers carry no Request-ID header', { policy: { requestId: false } }),
  'text-content-type': fault('RESP-CONTENT-TYPE', 'answers are labelled Content-Type: text/plain', { policy: { contentType: 'text/plain' } }),
  'missing-error-detail': fault('ERR-DETAIL-FIELD', 'PARAM_ERROR answers carry no detail', {
    errorBody: ({ body }) => withoutDetail(body),
  }),
  'system-error': fault('SYSTEM-ERROR', 'answers 500 SYSTEM_ERROR to every request (the suites catch it as a server error, not_a_server_error)', { policy: { answerEverything: 'SYSTEM-ERROR' } }),
  'rate-limit-all': fault('RATE-LIMIT', 'answers 429 FREQUENCY_LIMITED to every request, though no caller is over a limit', { policy: { answerEverything: 'RATE-LIMIT' } }),
  'slow-answers': fault('SYSTEM-ERROR', 'every answer waits slowAnswerMs (default 10 s), beyond a client timeout; no rule states a latency, so it is filed under server faults', { policy: { slowAnswers: true } }),
  'never-expire': fault('EXPIRY', 'CREATED orders never become EXPIRED', { policy: { expire: false } }),
  // Blind spots (issue 20). What lenient binders do to the body before the handler sees it:
  'coerce-numeric-strings': fault('TYPE-RISK-FUND-AMOUNT', 'binds a numeric string to an integer field ("1" as 1), as Jackson and PHP do by default', { bodyView: bind.coerceNumericStrings }),
  'truncate-fractional-amounts': fault('TYPE-RISK-FUND-AMOUNT', "binds a fractional number to an integer field truncated (100.5 as 100), Jackson's ACCEPT_FLOAT_AS_INT", { bodyView: bind.truncateFractions }),
  'booleans-from-scalars': fault('CONFIRM-TYPE', 'binds "true", "1" and 1 to need_user_confirm as true ("false", "0", 0 as false), as PHP and Jackson do', { bodyView: bind.booleansFromScalars }),
  'case-insensitive-field-names': fault('NOTIFY-LENGTH', "binds a key to the field it matches case aside (NOTIFY_URL as notify_url), Go's encoding/json", { bodyView: bind.caseInsensitiveKeys }),
  'lenient-json-syntax': fault('BODY-NOT-JSON', 'parses bodies with trailing commas and comments, as Jackson with ALLOW_TRAILING_COMMA and ALLOW_COMMENTS does', { policy: { jsonSyntax: 'lenient' } }),
  'trim-strings': fault('RESP-ECHO', "trims every string before storing it (Laravel's TrimStrings middleware): the echo loses leading and trailing spaces", { bodyView: bind.trimStrings }),
  'empty-strings-null': fault('ATTACH-LENGTH', "reads every \"\" as null (Laravel's ConvertEmptyStringsToNull), so an empty attach is refused as a null", { bodyView: bind.emptyStringsToNull }),
  'length-in-utf16-units': fault('INTRO-LENGTH', "counts service_introduction in UTF-16 code units (Java's String.length()): 20 characters outside the BMP are refused", { fieldRules: refuseIf((b) => charCount(b, 'utf16') > limits().serviceIntroductionMaxLength, 'INTRO-LENGTH', '/service_introduction') }),
  'length-in-bytes': fault('INTRO-LENGTH', "counts service_introduction in UTF-8 bytes (Go's len(), a byte-sized column): 20 CJK characters are refused", { fieldRules: refuseIf((b) => charCount(b, 'bytes') > limits().serviceIntroductionMaxLength, 'INTRO-LENGTH', '/service_introduction') }),
  // Values that must differ on every answer:
  'repeated-request-id': fault('RESP-REQUEST-ID-UNIQUE', 'answers every request with the Request-ID it issued first', { policy: { requestIds: 'repeated' } }),
  'repeated-response-nonce': fault('RESP-NONCE-FRESH', 'signs every answer with the same Wechatpay-Nonce (a nonce made once at start-up)', { policy: { responseNonces: 'repeated' } }),
  'order-id-per-second': fault('RESP-ORDER-ID', 'makes order_id from the creation second alone, so two orders of one second answer the same order_id', { okBody: secondOrderId }),
  'shared-package': fault('STATE-CONFIRM-MODE', 'derives the confirm-mode package from service_id and mchid, not the order: two orders answer one package', { okBody: sharedPackage }),
  // Both sides of every window:
  'count-max-exclusive': fault('PAY-COUNT', 'refuses a payment count equal to the maximum 100 (an off-by-one: < instead of <=)', { fieldRules: refuseIf((b) => atMax(b, 'post_payments', 'count', limits().paymentCountMax), 'PAY-COUNT', '/post_payments') }),
  'payments-max-off-by-one': fault('PAYMENTS-MAX', 'accepts 101 payments (the maximum compared with <= max + 1)', { fieldRules: tolerate('PAYMENTS-MAX', (b) => Array.isArray(b['post_payments']) && b['post_payments'].length === limits().paymentsMaxItems + 1) }),
  'risk-cap-off-by-one': fault('RISK-CAP', 'accepts a risk_fund.amount of cap + 1 (the cap compared with <= cap + 1)', { businessRules: (v, b, ctx) => (overCap(b, ctx.riskFundCap) === 1 ? v.filter((x) => x.ruleId !== 'RISK-CAP') : v) }),
  'future-timestamps-accepted': fault('AUTH-TIMESTAMP-WINDOW', 'checks the request timestamp window on the past side only: a timestamp an hour ahead is accepted', { policy: { timestampWindowSides: 'past-only' } }),
  'early-expiry': fault('EXPIRY', 'expires CREATED orders after 30 minutes instead of one hour', { policy: { expiryMs: 30 * MINUTE_MS } }),
  'case-insensitive-out-order-no': fault('IDEMP-CASE', 'stores out_order_no in a case-insensitive column: abc after ABC is taken for the same order and refused as a conflict', { policy: { outOrderNoMatch: 'case-insensitive' } }),
} satisfies Record<string, Fault>;

function withoutPackage(r: Record<string, unknown>): Record<string, unknown> {
  const { package: _p, ...rest } = r;
  return rest;
}
function withoutDescription(r: Record<string, unknown>): Record<string, unknown> {
  const { state_description: _d, ...rest } = r;
  return rest;
}
function withoutDetail(body: ErrorShape['body']): ErrorShape['body'] {
  const { detail: _d, ...rest } = body;
  return rest;
}

export type FaultName = keyof typeof FAULTS;

/** The catalogue as data (fault name → {ruleId, description}) and its name guard. */
export const { catalogue: faultCatalogue, isName: isFaultName } = namedCatalogue(
  FAULTS,
  ({ ruleId, description }): FaultInfo => ({ ruleId, description }),
);
