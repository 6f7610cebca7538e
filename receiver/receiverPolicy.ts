import { RECEIVER_TIMEOUT_MS, TIMESTAMP_WINDOW_SECONDS } from '../apiv3';

/**
 * Every choice the reference receiver makes where a fault makes it behave otherwise, as data.
 * REFERENCE_RECEIVER_POLICY is the conformant receiver; a fault (receiverFaults.ts) overrides one
 * entry. Each entry is read at one seam: signature, envelope, decryption, duplicate, delay, answer.
 */
export interface ReceiverPolicy {
  // signature seam
  signature: 'verify' | 'skip';
  trustedKeys: 'all' | 'first-only';
  timestampWindowSeconds: number;
  /** A notification without its Wechatpay-* headers. */
  unsigned: 'reject' | 'accept';
  unknownSerial: 'reject' | 'accept';
  probeSignature: 'reject' | 'accept';
  // envelope seam
  notEnvelope: 'reject' | 'accept';
  // decryption seam
  gcmTag: 'checked' | 'ignored';
  /** The associated_data every resource is decrypted with; undefined: the envelope's own. */
  fixedAssociatedData: string | undefined;
  emptyAssociatedData: 'accept' | 'reject';
  undecryptable: 'reject' | 'accept';
  // duplicate seam
  /** The status of a notification id recorded already. */
  duplicateStatus: 204 | 500;
  // delay seam
  /** How long the receiver waits after reading the body, ms. */
  answerDelayMs: number;
  // answer-shaping seam
  failureBody: 'fail-json' | 'plain-text';
}

export const REFERENCE_RECEIVER_POLICY: Readonly<ReceiverPolicy> = {
  signature: 'verify',
  trustedKeys: 'all',
  timestampWindowSeconds: TIMESTAMP_WINDOW_SECONDS,
  unsigned: 'reject',
  unknownSerial: 'reject',
  probeSignature: 'reject',
  notEnvelope: 'reject',
  gcmTag: 'checked',
  fixedAssociatedData: undefined,
  emptyAssociatedData: 'accept',
  undecryptable: 'reject',
  duplicateStatus: 204,
  answerDelayMs: 0,
  failureBody: 'fail-json',
};

/** One second past the deadline (the `slow` fault). */
export const LATE_ANSWER_MS = RECEIVER_TIMEOUT_MS + 1000;
