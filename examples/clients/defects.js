// The faulty drivers of the caller's audit: the reference driver (reference.js) with exactly one defect
// switched on (`node reference.js --defect NAME`). Each defect names the ONE client rule it breaks
// (openapi.yaml, CLIENT-*); the audit must fail it there, with exit 1. Each acts at one seam of
// reference.js and leaves everything else correct. The self-test (cli/auditClient.selftest.ts) iterates it.
'use strict';

/** @type {Record<string, { rule: string, description: string }>} */
const DEFECTS = {
  'no-verify': {
    rule: 'CLIENT-VERIFY-SIGNATURE',
    description: 'never verifies an answer (signature, serial, timestamp)',
  },
  'retry-new-oon': {
    rule: 'CLIENT-RETRY-SAME-OON',
    description: 'retries after a 5xx, a timeout or a lost connection with a new out_order_no',
  },
  'tight-429': { rule: 'CLIENT-RATE-LIMIT-WAIT', description: 'retries a 429 at once, in a tight loop' },
  'reused-nonce': { rule: 'CLIENT-NONCE', description: 'signs every request with the same nonce_str' },
  'ms-timestamp': {
    rule: 'CLIENT-TIMESTAMP',
    description: 'puts Date.now() (milliseconds) in the Authorization timestamp',
  },
  'sign-other-serialization': {
    rule: 'CLIENT-SIGNATURE',
    description: 'signs JSON.stringify(order) but sends it pretty-printed',
  },
  '4xx-success': { rule: 'CLIENT-ERROR-FAILS', description: 'reads a 4xx answer as the order created' },
  'created-success': { rule: 'CLIENT-NO-CONFIRM-CREATED', description: 'reads CREATED as success in no-confirm mode' },
  'crash-on-error-shapes': {
    rule: 'CLIENT-SURVIVES-WIRE',
    description: "reads detail.field of every error with a detail, and crashes on WeChat Pay's PARAM_ERROR shape",
  },
  'ignore-timestamp': {
    rule: 'CLIENT-VERIFY-TIMESTAMP',
    description: 'verifies the signature but not the Wechatpay-Timestamp',
  },
  'trust-signtest': { rule: 'CLIENT-VERIFY-PROBE', description: 'takes a WECHATPAY/SIGNTEST/ signature as valid' },
  'skip-unknown-serial': {
    rule: 'CLIENT-VERIFY-SERIAL',
    description: 'skips verification when the Wechatpay-Serial names no key it has',
  },
  'changed-body-on-retry': { rule: 'CLIENT-RETRY-SAME-PARAMS', description: 'sends another attach on a retry' },
  'no-user-agent': { rule: 'CLIENT-USER-AGENT', description: 'sends no User-Agent header' },
  'no-accept': { rule: 'CLIENT-ACCEPT', description: 'sends no Accept header' },
  'no-wechatpay-serial': {
    rule: 'CLIENT-WECHATPAY-SERIAL',
    description: 'sends no Wechatpay-Serial header in public-key mode',
  },
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
};

module.exports = { DEFECTS, VARIANTS };
