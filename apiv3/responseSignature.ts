import { randomBytes } from 'node:crypto';
import { headerValue } from './headers';
import { PROBE_SIGNATURE_PREFIX, TIMESTAMP_WINDOW_SECONDS, responseMessage } from './messages';
import { signMessage, signMessageAsync, verifyMessage, type PrivateKeyInput, type PublicKeyInput } from './rsa';
import { diagnoseSignature } from './signatureDiagnosis';
import type { SignatureVerification } from './signatureVerification';

/** The four signature headers of a response or callback. */
export interface WechatpaySignatureHeaders {
  'Wechatpay-Timestamp': string;
  'Wechatpay-Nonce': string;
  'Wechatpay-Signature': string;
  'Wechatpay-Serial': string;
}

export interface SignResponseInput {
  body: string | Uint8Array;
  privateKey: PrivateKeyInput;
  /** Certificate serial (hex) or public key id (PUB_KEY_ID_…). */
  serial: string;
  /** Unix seconds. */
  timestamp: number;
  nonce?: string;
}

export function newNonce(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

export function signResponse(input: SignResponseInput): WechatpaySignatureHeaders {
  const timestamp = String(input.timestamp);
  const nonce = input.nonce ?? newNonce();
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signMessage(responseMessage(timestamp, nonce, input.body), input.privateKey),
    'Wechatpay-Serial': input.serial,
  };
}

/** signResponse with the RSA operation on the thread pool; the same headers for the same input. */
export async function signResponseAsync(input: SignResponseInput): Promise<WechatpaySignatureHeaders> {
  const timestamp = String(input.timestamp);
  const nonce = input.nonce ?? newNonce();
  const signature = await signMessageAsync(responseMessage(timestamp, nonce, input.body), input.privateKey);
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signature,
    'Wechatpay-Serial': input.serial,
  };
}

export interface VerifyResponseInput {
  /** Header names in any case. */
  headers: Record<string, string | string[] | undefined>;
  body: string | Uint8Array;
  /** The platform public key for a serial, or undefined when the caller does not know it. */
  platformKey: (serial: string) => PublicKeyInput | undefined;
  /** Now, Unix seconds. */
  now: number;
  windowSeconds?: number;
}

/** Verifies a response's or callback's signature over the raw body bytes; never throws. */
export function verifyResponseSignature(input: VerifyResponseInput): SignatureVerification {
  const timestamp = headerValue(input.headers, 'Wechatpay-Timestamp');
  const nonce = headerValue(input.headers, 'Wechatpay-Nonce');
  const signature = headerValue(input.headers, 'Wechatpay-Signature');
  const serial = headerValue(input.headers, 'Wechatpay-Serial');
  const expected = responseMessage(timestamp ?? '', nonce ?? '', input.body).toString('utf8');
  const fail = (
    reason: Exclude<SignatureVerification['reason'], undefined>,
    detail: string,
  ): SignatureVerification => ({
    ok: false,
    reason,
    detail,
    expectedMessage: expected,
  });
  const absent = [
    ['Wechatpay-Timestamp', timestamp],
    ['Wechatpay-Nonce', nonce],
    ['Wechatpay-Signature', signature],
    ['Wechatpay-Serial', serial],
  ]
    .filter(([, v]) => v === undefined || v === '')
    .map(([n]) => n);
  if (absent.length > 0) return fail('missing', `missing header(s) ${absent.join(', ')}`);
  if (!/^\d{1,12}$/.test(timestamp!))
    return fail('malformed', `Wechatpay-Timestamp ${JSON.stringify(timestamp)} is not Unix seconds`);
  const key = input.platformKey(serial!);
  if (key === undefined)
    return fail('unknown-serial', `Wechatpay-Serial ${serial} is not a platform key this caller knows`);
  const skew = Math.abs(input.now - Number(timestamp));
  const window = input.windowSeconds ?? TIMESTAMP_WINDOW_SECONDS;
  if (skew > window) return fail('stale', `Wechatpay-Timestamp is ${skew} s away from now; the window is ${window} s`);
  if (signature!.startsWith(PROBE_SIGNATURE_PREFIX))
    return fail('probe', 'a WECHATPAY/SIGNTEST/ probe signature is never valid');
  if (!verifyMessage(Buffer.from(expected, 'utf8'), signature!, key)) {
    // Which signing mistake of the server's explains it, if a known one does (signatureMistakes.ts).
    const found = diagnoseSignature(
      {
        timestamp: timestamp!,
        nonce: nonce!,
        body: typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : Buffer.from(input.body),
      },
      signature!,
      key,
    );
    const diagnosis = found.mistake === null ? '' : `; diagnosis: ${found.mistake} — ${found.says}`;
    return fail(
      'bad-signature',
      `Wechatpay-Signature does not verify over the expected message with the platform key${diagnosis}`,
    );
  }
  return { ok: true };
}
