import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export type PrivateKeyInput = KeyObject | string;
export type PublicKeyInput = KeyObject | string;

const privateKeyObject = (key: PrivateKeyInput): KeyObject => (typeof key === 'string' ? createPrivateKey(key) : key);
const publicKeyObject = (key: PublicKeyInput): KeyObject => (typeof key === 'string' ? createPublicKey(key) : key);

/** RSASSA-PKCS1-v1_5 with SHA-256, Base64. */
export function signMessage(message: Uint8Array, privateKey: PrivateKeyInput): string {
  return sign('sha256', message, privateKeyObject(privateKey)).toString('base64');
}

/**
 * signMessage on libuv's thread pool (the callback form of node:crypto sign): the same bytes,
 * but the event loop keeps serving while the RSA operation runs.
 */
export function signMessageAsync(message: Uint8Array, privateKey: PrivateKeyInput): Promise<string> {
  return new Promise((resolve, reject) => {
    sign('sha256', message, privateKeyObject(privateKey), (error, signature) => {
      if (error === null) resolve(signature.toString('base64'));
      else reject(error);
    });
  });
}

/** True when the Base64 signature verifies; false (never an exception) for anything else. */
export function verifyMessage(message: Uint8Array, signatureBase64: string, publicKey: PublicKeyInput): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureBase64)) return false;
  try {
    return verify('sha256', message, publicKeyObject(publicKey), Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/** verifyMessage on libuv's thread pool: resolves false (never rejects) for anything that does not verify. */
export function verifyMessageAsync(
  message: Uint8Array,
  signatureBase64: string,
  publicKey: PublicKeyInput,
): Promise<boolean> {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureBase64)) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      verify('sha256', message, publicKeyObject(publicKey), Buffer.from(signatureBase64, 'base64'), (error, ok) =>
        resolve(error === null && ok),
      );
    } catch {
      resolve(false);
    }
  });
}
