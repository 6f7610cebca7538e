/**
 * The reference receiver's named faults: each breaks one receiver rule, so the receiver suite's
 * self-test can prove it catches every one under that rule. Opt-in (`receiver --fault NAME`).
 */
export const RECEIVER_FAULTS = {
  'accept-bad-signature': { ruleId: 'RECV-SIGNATURE-BYTES', description: 'never checks Wechatpay-Signature' },
  'accept-unsigned': {
    ruleId: 'RECV-SIGNATURE-HEADERS',
    description: 'accepts a notification without its Wechatpay-* headers',
  },
  'accept-stale': { ruleId: 'RECV-STALE', description: 'ignores the 5-minute Wechatpay-Timestamp window' },
  'accept-probe': { ruleId: 'RECV-PROBE', description: 'takes a WECHATPAY/SIGNTEST/ probe signature as valid' },
  'skip-gcm-tag': { ruleId: 'RECV-GCM-TAG', description: 'decrypts without checking the 16-byte GCM tag' },
  'fixed-aad': {
    ruleId: 'RECV-AAD',
    description: 'decrypts with associated_data "payscore" whatever the envelope says',
  },
  'accept-undecryptable': { ruleId: 'RECV-APIV3-KEY', description: 'answers 2xx when the resource does not decrypt' },
  'reject-empty-aad': { ruleId: 'RECV-AEAD-FORMS', description: 'refuses an empty associated_data' },
  'accept-not-envelope': {
    ruleId: 'RECV-NOT-ENVELOPE',
    description: 'answers 2xx to a signed body that is not a notification envelope',
  },
  'one-key-only': {
    ruleId: 'RECV-KEY-MIGRATION',
    description: 'knows only the first platform key, not the migration key',
  },
  'accept-unknown-serial': {
    ruleId: 'RECV-UNKNOWN-SERIAL',
    description: 'answers 2xx, unverified, to a Wechatpay-Serial it does not know',
  },
  'duplicate-500': {
    ruleId: 'RECV-DUPLICATE',
    description: 'answers 500 to a notification id it has recorded already',
  },
  slow: { ruleId: 'RECV-DEADLINE', description: 'answers one second after the 5-second deadline' },
  'plain-failure-body': {
    ruleId: 'RECV-FAIL-BODY',
    description: 'answers failures with a text body instead of {"code":"FAIL",…}',
  },
} as const satisfies Record<string, { ruleId: string; description: string }>;

export type ReceiverFaultName = keyof typeof RECEIVER_FAULTS;

export const isReceiverFaultName = (name: string): name is ReceiverFaultName => Object.hasOwn(RECEIVER_FAULTS, name);

/** The faults as a list, for --help and the self-test. */
export function receiverFaultCatalogue(): Array<{ name: ReceiverFaultName; ruleId: string; description: string }> {
  return (Object.keys(RECEIVER_FAULTS) as ReceiverFaultName[]).map((name) => ({ name, ...RECEIVER_FAULTS[name] }));
}
