// The faulty drivers of the caller's audit: the reference driver (reference.js) with exactly one defect
// switched on (`node reference.js --defect NAME`). Each defect names the ONE client rule it breaks
// (openapi.yaml, CLIENT-*) and the scenarios that prove it (`--scenario`, so the self-test runs only those);
// the audit must fail it there, with exit 1. Each acts at one seam of reference.js / referenceWire.js and
// leaves everything else correct. The habits behind the half-done ones, with their sources, are in README.md
// "Half-done checks". The self-test (cli/auditClient.selftest.ts) iterates it.
'use strict';

const d = (rule, scenarios, description) => ({ rule, scenarios, description });
const GENUINE = ['genuine'];
const RETRY = ['system-error-then-genuine'];

/** @type {Record<string, { rule: string, scenarios: string[], description: string }>} */
const DEFECTS = {
  'no-verify': d(
    'CLIENT-VERIFY-SIGNATURE',
    ['bad-signature'],
    'never verifies an answer (signature, serial, timestamp)',
  ),
  'retry-new-oon': d(
    'CLIENT-RETRY-SAME-OON',
    RETRY,
    'retries after a 5xx, a timeout or a lost connection with a new out_order_no',
  ),
  'tight-429': d(
    'CLIENT-RATE-LIMIT-WAIT',
    ['rate-limited-then-genuine'],
    'retries a 429 at once, in a tight loop (up to 10 attempts)',
  ),
  'reused-nonce': d('CLIENT-NONCE', ['genuine', 'chunked'], 'signs every request with the same nonce_str'),
  'ms-timestamp': d('CLIENT-TIMESTAMP', GENUINE, 'puts Date.now() (milliseconds) in the Authorization timestamp'),
  'sign-other-serialization': d('CLIENT-SIGNATURE', GENUINE, 'signs JSON.stringify(order) but sends it pretty-printed'),
  '4xx-success': d('CLIENT-ERROR-FAILS', ['error-order-done'], 'reads a 4xx answer as the order created'),
  'created-success': d(
    'CLIENT-NO-CONFIRM-CREATED',
    ['no-confirm-created'],
    'reads CREATED as success in no-confirm mode',
  ),
  'crash-on-error-shapes': d(
    'CLIENT-SURVIVES-WIRE',
    ['error-param-error'],
    "reads detail.field of every error with a detail, and crashes on WeChat Pay's PARAM_ERROR shape",
  ),
  'ignore-timestamp': d(
    'CLIENT-VERIFY-TIMESTAMP',
    ['stale-timestamp'],
    'verifies the signature but not the Wechatpay-Timestamp',
  ),
  'trust-signtest': d('CLIENT-VERIFY-PROBE', ['probe-signature'], 'takes a WECHATPAY/SIGNTEST/ signature as valid'),
  'skip-unknown-serial': d(
    'CLIENT-VERIFY-SERIAL',
    ['unknown-serial'],
    'skips verification when the Wechatpay-Serial names no key it has',
  ),
  'changed-body-on-retry': d('CLIENT-RETRY-SAME-PARAMS', RETRY, 'sends another attach on a retry'),
  'no-user-agent': d('CLIENT-USER-AGENT', GENUINE, 'sends no User-Agent header'),
  'no-accept': d('CLIENT-ACCEPT', GENUINE, 'sends no Accept header'),
  'no-wechatpay-serial': d('CLIENT-WECHATPAY-SERIAL', GENUINE, 'sends no Wechatpay-Serial header in public-key mode'),
  // Doing nothing, or nothing useful.
  'sends-nothing': d('CLIENT-CREATES-ORDER', GENUINE, 'never sends a request and reports failed'),
  'wrong-path': d(
    'CLIENT-CREATES-ORDER',
    GENUINE,
    'posts to /v3/payscore/serviceorder (the direct-merchant path), then reports failed',
  ),
  'refused-body': d(
    'CLIENT-CREATES-ORDER',
    GENUINE,
    'drops service_introduction and risk_fund, so the mock refuses every request',
  ),
  // The request.
  'sign-without-body': d('CLIENT-SIGNATURE', GENUINE, 'signs an empty body line (as for a GET)'),
  'sign-get': d('CLIENT-SIGNATURE', GENUINE, 'signs the method GET for a POST'),
  'sign-no-final-newline': d('CLIENT-SIGNATURE', GENUINE, "leaves out the message's final newline"),
  'other-mchid': d('CLIENT-MCHID', GENUINE, 'puts another merchant id in Authorization'),
  'platform-serial-in-auth': d('CLIENT-SERIAL', GENUINE, "puts the platform key's serial in Authorization serial_no"),
  'clock-10-min-ahead': d('CLIENT-TIMESTAMP', GENUINE, 'signs with a clock 10 minutes fast'),
  'nonce-reused-on-retry': d('CLIENT-NONCE', RETRY, 'sends the first Authorization again on a retry'),
  'accept-xml': d('CLIENT-ACCEPT', GENUINE, 'sends Accept: application/xml'),
  'no-content-type': d('CLIENT-CONTENT-TYPE', GENUINE, 'sends no Content-Type header'),
  'form-content-type': d('CLIENT-CONTENT-TYPE', GENUINE, 'labels the JSON body application/x-www-form-urlencoded'),
  'empty-user-agent': d('CLIENT-USER-AGENT', GENUINE, 'sends a blank User-Agent'),
  'merchant-serial-as-wechatpay-serial': d(
    'CLIENT-WECHATPAY-SERIAL',
    GENUINE,
    'sends its own merchant serial as Wechatpay-Serial',
  ),
  'amount-as-string': d('CLIENT-BODY-VALID', GENUINE, 'sends risk_fund.amount as a string'),
  'fixed-oon': d('CLIENT-OON-UNIQUE', ['genuine', 'chunked'], 'sends one out_order_no for every purchase'),
  // Retries.
  'second-order-after-drop': d(
    'CLIENT-ONE-ORDER',
    ['dropped-connection'],
    'after a lost connection, creates again under a new out_order_no',
  ),
  'fixed-10ms-429': d(
    'CLIENT-RATE-LIMIT-WAIT',
    ['rate-limited-then-genuine'],
    'retries a 429 every 10 ms (up to 10 attempts)',
  ),
  // Verification done halfway (README "Half-done checks").
  'verify-if-signed': d(
    'CLIENT-VERIFY-SIGNATURE',
    ['unsigned-answer'],
    'verifies only when a Wechatpay-Signature header is there',
  ),
  'verify-reserialized': d(
    'CLIENT-VERIFY-SIGNATURE',
    ['signed-compact-sent-spaced'],
    'verifies over JSON.stringify(JSON.parse(body)), not the bytes received',
  ),
  'case-sensitive-headers': d(
    'CLIENT-VERIFY-SIGNATURE',
    ['bad-signature-lower-case'],
    "looks up 'Wechatpay-Signature' in that case only, and skips verification when it is not found",
  ),
  'past-only-timestamp': d(
    'CLIENT-VERIFY-TIMESTAMP',
    ['future-timestamp'],
    'refuses a Wechatpay-Timestamp too far in the past only',
  ),
  'nan-timestamp': d(
    'CLIENT-VERIFY-TIMESTAMP',
    ['garbage-timestamp'],
    'refuses when |now - timestamp| > 300, which a timestamp that is no number never is',
  ),
  'window-one-hour': d('CLIENT-VERIFY-TIMESTAMP', ['stale-timestamp'], 'allows an answer an hour of clock skew'),
  // Reading the answer.
  'code-not-surfaced': d(
    'CLIENT-ERROR-FAILS',
    ['error-param-error'],
    "reports a 4xx as failed without WeChat Pay's code",
  ),
  '5xx-created': d('CLIENT-ERROR-FAILS', RETRY, 'reads a 500 as the order created'),
  'message-as-code': d('CLIENT-ERROR-FAILS', ['error-no-auth'], "surfaces the error's message instead of its code"),
  'status-only-success': d(
    'CLIENT-NO-CONFIRM-CREATED',
    ['no-confirm-created'],
    'takes any verified 200 for the order created, whatever its state',
  ),
  'oon-as-order-id': d('CLIENT-READS-ORDER', GENUINE, 'reports its out_order_no as the order_id'),
  'lost-is-created': d('CLIENT-READS-ORDER', ['dropped-connection'], 'reports a lost connection as the order created'),
  'rejects-ms-clock': d(
    'CLIENT-READS-ORDER',
    GENUINE,
    'compares Date.now() (ms) with Wechatpay-Timestamp (s), so refuses every answer',
  ),
  // The wire.
  'decode-per-chunk': d(
    'CLIENT-SURVIVES-WIRE',
    ['chunked-split-utf8'],
    'decodes each chunk of the answer as UTF-8 on its own',
  ),
  'regex-json': d(
    'CLIENT-SURVIVES-WIRE',
    ['json-spaced'],
    'reads state and order_id with a regular expression that allows no white space',
  ),
  'exit-1-on-failure': d('CLIENT-SURVIVES-WIRE', ['error-param-error'], 'exits 1 when it reports a failure'),
  'exact-header-case': d(
    'CLIENT-SURVIVES-WIRE',
    ['header-lower-case'],
    "refuses an answer without a header spelled 'Wechatpay-Signature'",
  ),
  'null-field-crash': d(
    'CLIENT-SURVIVES-WIRE',
    ['absent-as-null'],
    'calls a method on every field of the answer, and crashes on null',
  ),
};

/**
 * Fair variations (`--variant NAME`, repeatable): what another correct caller may do differently. The audit
 * must pass the reference driver under every one of them (a false failure is worse than a missed bug).
 * @type {Record<string, string>}
 */
const VARIANTS = {
  'zero-retries': 'never retries: a 5xx, a 429 or a lost connection is reported as an honest failure',
  'long-timeout': 'waits 30 s for an answer (the slow answer reaches it)',
  'slow-backoff': 'waits 1.5 s after a 5xx or a lost connection and 2.5 s after a 429',
  'browser-headers':
    "lower-case header names, Accept 'application/json, text/plain, */*', a charset, chunked body, axios' User-Agent",
  'worded-codes': "surfaces a failure's code inside its own wording ('WeChat Pay said PARAM_ERROR: …')",
  'full-jitter': 'five attempts, each wait drawn from 0 up to 200 ms doubling (AWS full jitter): a wait may be 1 ms',
  'equal-jitter': 'five attempts, waits of 100 ms doubling plus up to as much again at random',
  'one-retry': 'two attempts at most',
  'five-attempts': 'five attempts at most',
  'short-timeout': 'gives up on an answer after 2 s (and retries the same bytes)',
  'no-keep-alive': 'sends Connection: close on every request',
  'keep-alive-agent': 'keeps connections alive across attempts (an http.Agent with keepAlive)',
  'expect-continue': 'sends Expect: 100-continue and the body only after 100 Continue',
  'pretty-body': 'sends the order pretty-printed, signed over those bytes',
  'reordered-body': 'sends the order with its keys in another order',
  'escaped-body': 'sends non-ASCII characters as \\u escapes',
  'clock-behind': 'signs with a clock 2 minutes slow',
  'clock-ahead': 'signs with a clock 2 minutes fast',
  'upper-case-headers': 'spells every request header name in upper case',
  'strict-answer-window': 'trusts an answer only within 60 s of its clock (stricter than 5 minutes)',
  'retry-after': 'waits as long as a Retry-After header says, when there is one',
};

module.exports = { DEFECTS, VARIANTS };
