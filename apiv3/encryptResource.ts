import { createCipheriv, randomBytes } from 'node:crypto';

/** The encrypted `resource` of a notification (CALLBACK-ENCRYPTION). */
export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  nonce: string;
  associated_data: string;
  original_type: string;
}

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A 12-character nonce: WeChat's nonces are printable and used as their UTF-8 bytes. */
function printableNonce(): string {
  return [...randomBytes(12)].map((b) => NONCE_ALPHABET[b % NONCE_ALPHABET.length]).join('');
}

/** AES-256-GCM under the APIv3 key: ciphertext = Base64(ciphertext ‖ 16-byte tag), AAD = associated_data. */
export function encryptResource(
  plaintext: string,
  apiV3Key: Buffer,
  associatedData: string,
  originalType: string,
  nonce: string = printableNonce(),
): EncryptedResource {
  if (apiV3Key.length !== 32) throw new RangeError(`the APIv3 key must be 32 bytes, got ${apiV3Key.length}`);
  const cipher = createCipheriv('aes-256-gcm', apiV3Key, Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: encrypted.toString('base64'),
    nonce,
    associated_data: associatedData,
    original_type: originalType,
  };
}
