/** The steps of a create, in the order the mock runs them (CHECK-ORDER); readings may reorder. */
export const CREATE_STEPS = ['authentication', 'rate-limit', 'headers', 'body', 'fields', 'identities'] as const;
export type CreateStep = (typeof CREATE_STEPS)[number];

/**
 * Every choice the mock makes where behaviour varies, as data. REFERENCE_POLICY is the reference
 * mock; a fault or a reading overrides a few entries. Each entry is read at one seam.
 */
export interface Policy {
  // routing seam
  /** An answer to every request, whatever it is (system-error, rate-limit-all). */
  answerEverything: 'SYSTEM-ERROR' | 'RATE-LIMIT' | undefined;
  /** status/code of an unknown path and of another method (undefined: the rule's own). */
  unknownPathAnswer: { status: number; code: string } | undefined;
  wrongMethodAnswer: { status: number; code: string } | undefined;
  /** Status of a body over the hard cap (undefined: BODY-LIMITS' own). */
  oversizedStatus: number | undefined;
  /** Requests per second per mchid when no --rate-limit is given (a reading that throttles by rate). */
  rateLimitPerSecond: number | undefined;
  // authentication seam
  /** Request timestamp window, s (undefined: TIMESTAMP_WINDOW_SECONDS). */
  timestampWindowSeconds: number | undefined;
  unknownMchid: 'refuse' | 'forbid' | 'accept';
  authorizationFormat: 'any-order' | 'canonical-only';
  /** Which bytes the signature is verified over. */
  signedBody: 'received' | 'reserialized';
  badSignature: 'refuse' | 'accept';
  nonceReplay: 'refuse' | 'accept';
  /** A header that verified once is trusted again without verifying (a defect). */
  verifiedHeaderCache: boolean;
  /** Which side of the window a request timestamp is checked on: both, or (a defect) only the past. */
  timestampWindowSides: 'both' | 'past-only';
  // header seam
  missingAccept: 'refuse' | 'accept';
  mediaTypes: 'negotiated' | 'exact';
  /** JSON syntax of a request body: strict, or (a defect) with trailing commas and comments. */
  jsonSyntax: 'strict' | 'lenient';
  // validation seam
  bindings: 'checked' | 'skipped';
  // idempotency seam
  sameParameters: 'json-value' | 'bytes' | 'top-level-scalars';
  onConflict: 'refuse' | 'answer-stored' | 'refuse-and-overwrite';
  replay: 'stored' | 'new-order-id' | 'fresh-package' | 'without-package';
  /** How out_order_no values compare (IDEMP-CASE): exactly, or case aside (a case-insensitive column). */
  outOrderNoMatch: 'exact' | 'case-insensitive';
  /** throttle: a create of an out_order_no another create is still placing is answered 429 (a reading). */
  inFlightDuplicates: 'serialize' | 'throttle';
  /** racy: the lookup lags behind the insert, and a loser of a race with the same parameters answers its own order. */
  lookup: 'atomic' | 'racy';
  expire: boolean;
  /** How long a CREATED order lives, ms (undefined: EXPIRY_MS, one hour). */
  expiryMs: number | undefined;
  // answer-shaping seam
  orderIdFormat: 'digits' | 'prefixed';
  // signing seam
  signature: 'valid' | 'none' | 'over-other-body' | 'probe' | 'stale';
  /** Route answers (404/405) signed like every other answer, or left bare as a gateway leaves them. */
  signRouteAnswers: boolean;
  requestId: boolean;
  /** Request-ID and Wechatpay-Nonce of every answer: fresh, or (a defect) the first one issued, repeated. */
  requestIds: 'fresh' | 'repeated';
  responseNonces: 'fresh' | 'repeated';
  contentType: string;
  /** Every answer waits the configured slowAnswerMs first. */
  slowAnswers: boolean;
}

export const REFERENCE_POLICY: Readonly<Policy> = {
  answerEverything: undefined,
  unknownPathAnswer: undefined,
  wrongMethodAnswer: undefined,
  oversizedStatus: undefined,
  rateLimitPerSecond: undefined,
  timestampWindowSeconds: undefined,
  unknownMchid: 'refuse',
  authorizationFormat: 'any-order',
  signedBody: 'received',
  badSignature: 'refuse',
  nonceReplay: 'refuse',
  verifiedHeaderCache: false,
  timestampWindowSides: 'both',
  missingAccept: 'refuse',
  mediaTypes: 'negotiated',
  jsonSyntax: 'strict',
  bindings: 'checked',
  sameParameters: 'json-value',
  onConflict: 'refuse',
  replay: 'stored',
  outOrderNoMatch: 'exact',
  inFlightDuplicates: 'serialize',
  lookup: 'atomic',
  expire: true,
  expiryMs: undefined,
  orderIdFormat: 'digits',
  signature: 'valid',
  signRouteAnswers: true,
  requestId: true,
  requestIds: 'fresh',
  responseNonces: 'fresh',
  contentType: 'application/json',
  slowAnswers: false,
};
