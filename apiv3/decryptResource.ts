import { createDecipheriv } from 'node:crypto';
import type { EncryptedResource } from './encryptResource';
import { isObject } from './isObject';

/** AEAD_AES_256_GCM: a 32-byte key, a 12-byte nonce (wechatpay-go refuses any other), a 16-byte tag. */
export const APIV3_KEY_BYTES = 32;
export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;

export type DecryptFailure = 'not-a-resource' | 'algorithm' | 'nonce' | 'ciphertext' | 'tag';

export type Decrypted = { ok: true; plaintext: string } | { ok: false; reason: DecryptFailure; detail: string };

/**
 * Decrypts a notification's `resource` (CALLBACK-ENCRYPTION) under the APIv3 key; the verdict says
 * why it failed and never throws. The GCM tag is always checked: without it anyone could forge a resource.
 */
export function decryptResource(resource: unknown, apiV3Key: Buffer): Decrypted {
  const fail = (reason: DecryptFailure, detail: string): Decrypted => ({ ok: false, reason, detail });
  if (apiV3Key.length !== APIV3_KEY_BYTES)
    throw new RangeError(`the APIv3 key must be ${APIV3_KEY_BYTES} bytes, got ${apiV3Key.length}`);
  if (!isObject(resource)) return fail('not-a-resource', 'resource is not an object');
  const {
    algorithm,
    ciphertext,
    nonce,
    associated_data: aad,
  } = resource as Partial<Record<keyof EncryptedResource, unknown>>;
  if (algorithm !== 'AEAD_AES_256_GCM')
    return fail('algorithm', `algorithm ${JSON.stringify(algorithm)} is not AEAD_AES_256_GCM`);
  if (typeof nonce !== 'string' || Buffer.byteLength(nonce, 'utf8') !== GCM_NONCE_BYTES)
    return fail('nonce', `nonce must be ${GCM_NONCE_BYTES} bytes, got ${JSON.stringify(nonce)}`);
  if (typeof ciphertext !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(ciphertext))
    return fail('ciphertext', 'ciphertext is not Base64');
  if (aad !== undefined && typeof aad !== 'string') return fail('not-a-resource', 'associated_data is not a string');
  const bytes = Buffer.from(ciphertext, 'base64');
  if (bytes.length < GCM_TAG_BYTES)
    return fail('tag', `ciphertext is ${bytes.length} bytes: shorter than the ${GCM_TAG_BYTES}-byte tag`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', apiV3Key, Buffer.from(nonce, 'utf8'), {
      authTagLength: GCM_TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(aad ?? '', 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - GCM_TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - GCM_TAG_BYTES)), decipher.final()]);
    return { ok: true, plaintext: plain.toString('utf8') };
  } catch {
    return fail(
      'tag',
      'the GCM tag does not verify: wrong APIv3 key, associated_data or nonce, or tampered ciphertext',
    );
  }
}
