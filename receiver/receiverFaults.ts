/**
 * The reference receiver's named faults: each breaks one receiver rule, so the receiver suite's
 * self-test can prove it catches every one under that rule. Opt-in (`receiver --fault NAME`). Each
 * acts by overriding receiverPolicy.ts entries, which the receiver reads at its seams.
 */
import { LATE_ANSWER_MS, REFERENCE_RECEIVER_POLICY, type ReceiverPolicy } from './receiverPolicy';

interface ReceiverFault {
  ruleId: string;
  description: string;
  policy: Partial<ReceiverPolicy>;
}

const fault = (ruleId: string, description: string, policy: Partial<ReceiverPolicy>): ReceiverFault => ({
  ruleId,
  description,
  policy,
});

export const RECEIVER_FAULTS = {
  'accept-bad-signature': fault('RECV-SIGNATURE-BYTES', 'never checks Wechatpay-Signature', { signature: 'skip' }),
  'accept-unsigned': fault('RECV-SIGNATURE-HEADERS', 'accepts a notification without its Wechatpay-* headers', {
    unsigned: 'accept',
  }),
  'accept-stale': fault('RECV-STALE', 'ignores the 5-minute Wechatpay-Timestamp window', {
    timestampWindowSeconds: Number.MAX_SAFE_INTEGER,
  }),
  'accept-probe': fault('RECV-PROBE', 'takes a WECHATPAY/SIGNTEST/ probe signature as valid', {
    probeSignature: 'accept',
  }),
  'skip-gcm-tag': fault('RECV-GCM-TAG', 'decrypts without checking the 16-byte GCM tag', { gcmTag: 'ignored' }),
  'fixed-aad': fault('RECV-AAD', 'decrypts with associated_data "payscore" whatever the envelope says', {
    fixedAssociatedData: 'payscore',
  }),
  'accept-undecryptable': fault('RECV-APIV3-KEY', 'answers 2xx when the resource does not decrypt', {
    undecryptable: 'accept',
  }),
  'reject-empty-aad': fault('RECV-AEAD-FORMS', 'refuses an empty associated_data', { emptyAssociatedData: 'reject' }),
  'accept-not-envelope': fault(
    'RECV-NOT-ENVELOPE',
    'answers 2xx to a signed body that is not a notification envelope',
    { notEnvelope: 'accept' },
  ),
  'one-key-only': fault('RECV-KEY-MIGRATION', 'knows only the first platform key, not the migration key', {
    trustedKeys: 'first-only',
  }),
  'accept-unknown-serial': fault(
    'RECV-UNKNOWN-SERIAL',
    'answers 2xx, unverified, to a Wechatpay-Serial it does not know',
    { unknownSerial: 'accept' },
  ),
  'duplicate-500': fault('RECV-DUPLICATE', 'answers 500 to a notification id it has recorded already', {
    duplicateStatus: 500,
  }),
  slow: fault('RECV-DEADLINE', 'answers one second after the 5-second deadline', { answerDelayMs: LATE_ANSWER_MS }),
  'plain-failure-body': fault('RECV-FAIL-BODY', 'answers failures with a text body instead of {"code":"FAIL",…}', {
    failureBody: 'plain-text',
  }),
} satisfies Record<string, ReceiverFault>;

export type ReceiverFaultName = keyof typeof RECEIVER_FAULTS;

export const isReceiverFaultName = (name: string): name is ReceiverFaultName => Object.hasOwn(RECEIVER_FAULTS, name);

/** The faults as a list, for --help and the self-test. */
export function receiverFaultCatalogue(): Array<{ name: ReceiverFaultName; ruleId: string; description: string }> {
  return (Object.keys(RECEIVER_FAULTS) as ReceiverFaultName[]).map((name) => {
    const { ruleId, description } = RECEIVER_FAULTS[name];
    return { name, ruleId, description };
  });
}

/** The reference policy with the given faults' entries applied. */
export function receiverPolicy(faults: Iterable<ReceiverFaultName>): Readonly<ReceiverPolicy> {
  return Object.assign({}, REFERENCE_RECEIVER_POLICY, ...[...faults].map((name) => RECEIVER_FAULTS[name].policy));
}
