import { randomBytes } from 'node:crypto';
import { PROBE_SIGNATURE_PREFIX, TIMESTAMP_WINDOW_SECONDS, type NotificationHeaders } from '../../apiv3';
import { firstOrder, type CaseBuilder } from './notificationCase';

/** Probed with an hour of skew, far beyond the 5-minute window (as the create suite probes requests). */
const STALE_SECONDS = 12 * TIMESTAMP_WINDOW_SECONDS;
const SIGNATURE_HEADERS: ReadonlyArray<keyof NotificationHeaders> = [
  'Wechatpay-Timestamp',
  'Wechatpay-Nonce',
  'Wechatpay-Signature',
  'Wechatpay-Serial',
];

/** RECV-SIGNATURE-*, RECV-STALE, RECV-PROBE, RECV-UNKNOWN-SERIAL: the signature is verified first. */
export const signatureCases: CaseBuilder = (kit, orders) => {
  const order = firstOrder(orders);
  return [
    {
      ruleId: 'RECV-SIGNATURE-BYTES',
      name: 'body changed after signing (one byte of the ciphertext)',
      deliveries: () => {
        const signed = kit.genuine(order);
        const tampered = Buffer.from(
          signed.body
            .toString('utf8')
            .replace(/"ciphertext":"(.)/, (_m, c: string) => `"ciphertext":"${c === 'A' ? 'B' : 'A'}`),
          'utf8',
        );
        return [{ ...signed, body: tampered }];
      },
    },
    {
      ruleId: 'RECV-SIGNATURE-BYTES',
      name: 'body with a trailing newline added after signing',
      deliveries: () => {
        const signed = kit.genuine(order);
        return [{ ...signed, body: Buffer.concat([signed.body, Buffer.from('\n')]) }];
      },
    },
    {
      ruleId: 'RECV-SIGNATURE-KEY',
      name: 'signed with a stranger key under the configured serial',
      deliveries: () => [kit.genuine(order, { signer: { ...kit.stranger, serial: kit.profile.platform.serial } })],
    },
    ...SIGNATURE_HEADERS.map((header) => ({
      ruleId: 'RECV-SIGNATURE-HEADERS',
      name: `no ${header} header`,
      deliveries: () => [kit.genuine(order, { drop: header })],
    })),
    {
      ruleId: 'RECV-STALE',
      name: 'Wechatpay-Timestamp one hour in the past',
      deliveries: () => [kit.genuine(order, { timestamp: kit.now() - STALE_SECONDS })],
    },
    {
      ruleId: 'RECV-STALE',
      name: 'Wechatpay-Timestamp one hour in the future',
      deliveries: () => [kit.genuine(order, { timestamp: kit.now() + STALE_SECONDS })],
    },
    {
      ruleId: 'RECV-PROBE',
      name: 'a WECHATPAY/SIGNTEST/ probe signature',
      deliveries: () => [
        kit.genuine(order, { signature: `${PROBE_SIGNATURE_PREFIX}${randomBytes(192).toString('base64')}` }),
      ],
    },
    {
      ruleId: 'RECV-UNKNOWN-SERIAL',
      name: 'signed by a key under a serial the receiver is not configured with',
      deliveries: () => [kit.genuine(order, { signer: kit.stranger })],
    },
  ];
};
