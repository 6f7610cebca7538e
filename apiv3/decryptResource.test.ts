import { randomBytes } from 'node:crypto';
import { decryptResource, encryptResource, notificationEnvelope } from '.';

const key = randomBytes(32);
const PLAIN = '{"service_introduction":"某某酒店 😀","amount":9007199254740993}';

describe('AEAD_AES_256_GCM (CALLBACK-ENCRYPTION): decryptResource undoes encryptResource and refuses anything altered', () => {
  const resource = encryptResource(PLAIN, key, 'payscore', 'payscore');

  it('decrypts the exact bytes, an empty associated_data included', () => {
    expect(decryptResource(resource, key)).toEqual({ ok: true, plaintext: PLAIN });
    expect(decryptResource(encryptResource(PLAIN, key, '', 'payscore'), key)).toEqual({ ok: true, plaintext: PLAIN });
  });

  it.each([
    ['a flipped ciphertext byte', { ...resource, ciphertext: flip(resource.ciphertext, 0) }, 'tag'],
    ['a flipped tag byte', { ...resource, ciphertext: flip(resource.ciphertext, -1) }, 'tag'],
    [
      'the tag stripped',
      { ...resource, ciphertext: Buffer.from(resource.ciphertext, 'base64').subarray(0, -16).toString('base64') },
      'tag',
    ],
    ['another associated_data', { ...resource, associated_data: 'other' }, 'tag'],
    ['a nonce of 16 bytes', { ...resource, nonce: 'ABCDEFGHIJKLMNOP' }, 'nonce'],
    ['another algorithm', { ...resource, algorithm: 'AEAD_AES_128_GCM' }, 'algorithm'],
    ['a ciphertext that is not Base64', { ...resource, ciphertext: '***' }, 'ciphertext'],
    ['no object', 'resource', 'not-a-resource'],
  ])('refuses %s', (_name, altered, reason) => {
    expect(decryptResource(altered, key)).toMatchObject({ ok: false, reason });
  });

  it('refuses another APIv3 key', () => {
    expect(decryptResource(resource, randomBytes(32))).toMatchObject({ ok: false, reason: 'tag' });
  });

  it('builds an envelope with the chosen id, associated_data and a 12-byte nonce', () => {
    const envelope = notificationEnvelope('PAYSCORE.USER_PAID', { a: 1 }, key, Date.UTC(2030, 0, 1), {
      id: 'N-1',
      associatedData: '',
    });
    expect(envelope).toMatchObject({
      id: 'N-1',
      event_type: 'PAYSCORE.USER_PAID',
      resource_type: 'encrypt-resource',
      create_time: '2030-01-01T08:00:00+08:00',
    });
    expect(Buffer.byteLength(envelope.resource.nonce)).toBe(12);
    expect(decryptResource(envelope.resource, key)).toEqual({ ok: true, plaintext: '{"a":1}' });
  });
});

function flip(base64: string, index: number): string {
  const bytes = Buffer.from(base64, 'base64');
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}
