// BODY-LIMITS (openapi.yaml x-rules, DECISION): the only place these numbers are written.
export const BODY_LIMITS = {
  /** Bodies over this many bytes are 400 INVALID_REQUEST. */
  maxBytes: 1024 * 1024,
  /** JSON nested deeper than this is 400 INVALID_REQUEST. */
  maxDepth: 64,
  /**
   * BODY-COST-BOUND: a body with more JSON values (array items, object members, counted before it
   * is parsed) is 400 INVALID_REQUEST. A full valid create has under a thousand; the limit keeps
   * parsing, validating and canonicalising any body within a few milliseconds.
   */
  maxValues: 5_000,
  /**
   * Beyond this the mock stops buffering and answers before authenticating (the signature
   * covers the whole body, and the mock will not hold more): the one exception to CHECK-ORDER.
   */
  hardCapBytes: 8 * 1024 * 1024,
} as const;
