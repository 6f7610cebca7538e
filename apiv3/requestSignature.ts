import { formatAuthorization, parseAuthorization, type AuthorizationParams } from './authorization';
import { PROBE_SIGNATURE_PREFIX, TIMESTAMP_WINDOW_SECONDS, requestMessage } from './messages';
import { signMessage, verifyMessage, verifyMessageAsync, type PrivateKeyInput, type PublicKeyInput } from './rsa';
import type { SignatureVerification } from './signatureVerification';

export interface SignRequestInput {
  method: string;
  pathWithQuery: string;
  body: string | Uint8Array;
  mchid: string;
  serialNo: string;
  privateKey: PrivateKeyInput;
  /** Unix seconds; injected so tests and replays are deterministic. */
  timestamp: number;
  nonce: string;
}

export interface SignedRequest {
  authorization: string;
  params: AuthorizationParams;
  /** The exact string that was signed, for failure messages. */
  message: string;
}

export function signRequest(input: SignRequestInput): SignedRequest {
  const timestamp = String(input.timestamp);
  const message = requestMessage(input.method, input.pathWithQuery, timestamp, input.nonce, input.body);
  const params: AuthorizationParams = {
    mchid: input.mchid,
    nonce_str: input.nonce,
    timestamp,
    serial_no: input.serialNo,
    signature: signMessage(message, input.privateKey),
  };
  return { authorization: formatAuthorization(params), params, message: message.toString('utf8') };
}

export interface VerifyRequestInput {
  method: string;
  pathWithQuery: string;
  body: string | Uint8Array;
  authorization: string | undefined;
  /** The merchant public key for (mchid, serial_no), or why there is none. */
  merchantKey: (mchid: string, serialNo: string) => PublicKeyInput | 'unknown-mchid' | 'unknown-serial';
  /** Now, Unix seconds. */
  now: number;
  windowSeconds?: number;
}

/** Everything but the RSA check: a final verdict, or what the RSA check needs. */
type Prechecked =
  | { done: SignatureVerification<AuthorizationParams> }
  | {
      done?: undefined;
      expected: Buffer;
      key: PublicKeyInput;
      params: AuthorizationParams;
      fail: (detail: string) => SignatureVerification<AuthorizationParams>;
    };

function precheck(input: VerifyRequestInput): Prechecked {
  const parsed = parseAuthorization(input.authorization);
  if (!parsed.ok) return { done: { ok: false, reason: parsed.reason, detail: parsed.detail, expectedMessage: '' } };
  const p = parsed.params;
  const expected = requestMessage(input.method, input.pathWithQuery, p.timestamp, p.nonce_str, input.body);
  const fail = (
    reason: Exclude<SignatureVerification['reason'], undefined>,
    detail: string,
  ): SignatureVerification<AuthorizationParams> => ({
    ok: false,
    reason,
    detail,
    expectedMessage: expected.toString('utf8'),
    params: p,
  });
  const key = input.merchantKey(p.mchid, p.serial_no);
  if (key === 'unknown-mchid') return { done: fail('unknown-mchid', `mchid ${p.mchid} is not known here`) };
  if (key === 'unknown-serial')
    return { done: fail('unknown-serial', `serial_no ${p.serial_no} is not a certificate serial of mchid ${p.mchid}`) };
  const skew = Math.abs(input.now - Number(p.timestamp));
  const window = input.windowSeconds ?? TIMESTAMP_WINDOW_SECONDS;
  if (skew > window)
    return {
      done: fail(
        'stale',
        `timestamp ${p.timestamp} is ${skew} s away from now (${input.now}); the window is ${window} s`,
      ),
    };
  if (p.signature.startsWith(PROBE_SIGNATURE_PREFIX))
    return { done: fail('probe', 'a WECHATPAY/SIGNTEST/ probe signature is never valid') };
  return { expected, key, params: p, fail: (detail) => fail('bad-signature', detail) };
}

const BAD_SIGNATURE = 'the signature does not verify over the expected message with the merchant key';

/** Verifies an incoming request's Authorization; the verdict says why it failed, never throws. */
export function verifyRequestSignature(input: VerifyRequestInput): SignatureVerification<AuthorizationParams> {
  const c = precheck(input);
  if (c.done !== undefined) return c.done;
  return verifyMessage(c.expected, c.params.signature, c.key) ? { ok: true, params: c.params } : c.fail(BAD_SIGNATURE);
}

/** verifyRequestSignature with the RSA check on libuv's thread pool (the mock's hot path). */
export async function verifyRequestSignatureAsync(
  input: VerifyRequestInput,
): Promise<SignatureVerification<AuthorizationParams>> {
  const c = precheck(input);
  if (c.done !== undefined) return c.done;
  return (await verifyMessageAsync(c.expected, c.params.signature, c.key))
    ? { ok: true, params: c.params }
    : c.fail(BAD_SIGNATURE);
}
