/** Why a signature check failed. */
export type VerifyFailure =
  'missing' | 'scheme' | 'malformed' | 'unknown-mchid' | 'unknown-serial' | 'stale' | 'probe' | 'bad-signature';

/**
 * A signature verification as data (not a conformance Verdict, which judgement/verdict.ts defines): on
 * failure, the reason and the exact string that should have been signed.
 */
export type SignatureVerification<P = undefined> =
  | { ok: true; reason?: undefined; params?: P }
  | { ok: false; reason: VerifyFailure; detail: string; expectedMessage: string; params?: P };
