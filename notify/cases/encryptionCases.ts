import { randomBytes } from 'node:crypto';
import { APIV3_KEY_BYTES, GCM_TAG_BYTES, type NotificationEnvelope } from '../../apiv3';
import { firstOrder, type CaseBuilder } from './notificationCase';

type Alter = (ciphertext: Buffer) => Buffer;

const flipByte =
  (at: (length: number) => number): Alter =>
  (c) => {
    const copy = Buffer.from(c);
    const i = at(copy.length);
    copy[i] = (copy[i] ?? 0) ^ 0x01;
    return copy;
  };

/** The envelope with its ciphertext bytes altered, signed correctly afterwards (only the AEAD step can catch it). */
const withCiphertext = (envelope: NotificationEnvelope, alter: Alter): NotificationEnvelope => ({
  ...envelope,
  resource: {
    ...envelope.resource,
    ciphertext: alter(Buffer.from(envelope.resource.ciphertext, 'base64')).toString('base64'),
  },
});

/** RECV-GCM-TAG, RECV-AAD, RECV-APIV3-KEY, RECV-AEAD-FORMS: every notification is signed correctly; only AEAD differs. */
export const encryptionCases: CaseBuilder = (kit, orders) => {
  const order = firstOrder(orders);
  const altered = (alter: Alter) => () => [kit.sign(JSON.stringify(withCiphertext(kit.envelope(order), alter)))];
  return [
    { ruleId: 'RECV-GCM-TAG', name: 'one ciphertext byte flipped', deliveries: altered(flipByte(() => 0)) },
    { ruleId: 'RECV-GCM-TAG', name: 'one tag byte flipped', deliveries: altered(flipByte((n) => n - 1)) },
    {
      ruleId: 'RECV-GCM-TAG',
      name: `the ${GCM_TAG_BYTES}-byte tag stripped`,
      deliveries: altered((c) => c.subarray(0, c.length - GCM_TAG_BYTES)),
    },
    {
      ruleId: 'RECV-AAD',
      name: 'associated_data "certificate" where "payscore" was encrypted',
      deliveries: () => {
        const envelope = kit.envelope(order);
        return [
          kit.sign(JSON.stringify({ ...envelope, resource: { ...envelope.resource, associated_data: 'certificate' } })),
        ];
      },
    },
    {
      ruleId: 'RECV-AAD',
      name: 'associated_data "payscore" where "" was encrypted',
      deliveries: () => {
        const envelope = kit.envelope(order, { associatedData: '' });
        return [
          kit.sign(JSON.stringify({ ...envelope, resource: { ...envelope.resource, associated_data: 'payscore' } })),
        ];
      },
    },
    {
      ruleId: 'RECV-APIV3-KEY',
      name: 'encrypted under another APIv3 key',
      deliveries: () => [kit.sign(JSON.stringify(kit.envelope(order, { apiV3Key: randomBytes(APIV3_KEY_BYTES) })))],
    },
    {
      ruleId: 'RECV-AEAD-FORMS',
      name: 'an empty associated_data',
      deliveries: () => [kit.genuine(order, { associatedData: '' })],
    },
    {
      ruleId: 'RECV-AEAD-FORMS',
      name: 'associated_data "payscore" and a 12-byte nonce of digits',
      deliveries: () => [kit.genuine(order, { associatedData: 'payscore', nonce: '012345678901' })],
    },
  ];
};
