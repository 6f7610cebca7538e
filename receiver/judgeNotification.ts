import { createDecipheriv, type KeyObject } from 'node:crypto';
import {
  GCM_TAG_BYTES,
  PROBE_SIGNATURE_PREFIX,
  TIMESTAMP_WINDOW_SECONDS,
  decryptResource,
  headerValue,
  isObject,
  verifyResponseSignature,
  type Decrypted,
  type HeaderMap,
} from '../apiv3';
import type { ReceiverFaultName } from './receiverFaults';

/** A platform public key the receiver is configured with, under the serial WeChat Pay names it by. */
export interface TrustedKey {
  serial: string;
  publicKey: KeyObject;
}

export interface JudgeConfig {
  /** Every key the receiver trusts: during the key migration, the certificate and the public key. */
  platformKeys: readonly TrustedKey[];
  apiV3Key: Buffer;
  faults: ReadonlySet<ReceiverFaultName>;
}

/** A verified, decrypted notification: what the receiver records. */
export interface ReceivedNotification {
  id: string;
  event_type: unknown;
  create_time: unknown;
  /** The decrypted order. */
  resource: Record<string, unknown>;
}

/** Accept (with the notification, unless a fault accepted something that has none) or reject with a status. */
export type Judgement =
  { ok: true; notification?: ReceivedNotification } | { ok: false; status: number; reason: string };

const reject = (status: number, reason: string): Judgement => ({ ok: false, status, reason });

/** The signature step (verified first, before anything else is read): undefined when it passes. */
function signatureProblem(
  headers: HeaderMap,
  body: Buffer,
  config: JudgeConfig,
  nowSeconds: number,
): string | undefined {
  const f = config.faults;
  if (f.has('accept-bad-signature')) return undefined;
  const keys = f.has('one-key-only') ? config.platformKeys.slice(0, 1) : config.platformKeys;
  const verdict = verifyResponseSignature({
    headers: headers as Record<string, string | string[] | undefined>,
    body,
    now: nowSeconds,
    platformKey: (serial) => keys.find((k) => k.serial === serial)?.publicKey,
    windowSeconds: f.has('accept-stale') ? Number.MAX_SAFE_INTEGER : TIMESTAMP_WINDOW_SECONDS,
  });
  if (verdict.ok) return undefined;
  if (verdict.reason === 'missing' && f.has('accept-unsigned')) return undefined;
  if (verdict.reason === 'unknown-serial' && f.has('accept-unknown-serial')) return undefined;
  if (f.has('accept-probe') && (headerValue(headers, 'Wechatpay-Signature') ?? '').startsWith(PROBE_SIGNATURE_PREFIX))
    return undefined;
  return `${verdict.reason}: ${verdict.detail}`;
}

/** The skip-gcm-tag fault: AES-256-GCM without the tag check — exactly what a receiver must never do. */
function decryptIgnoringTag(resource: Record<string, unknown>, key: Buffer): Decrypted {
  try {
    const bytes = Buffer.from(String(resource['ciphertext']), 'base64');
    const body = bytes.length > GCM_TAG_BYTES ? bytes.subarray(0, bytes.length - GCM_TAG_BYTES) : bytes;
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(String(resource['nonce']), 'utf8'));
    return { ok: true, plaintext: decipher.update(body).toString('utf8') };
  } catch (error) {
    return { ok: false, reason: 'ciphertext', detail: (error as Error).message };
  }
}

function decrypt(resource: Record<string, unknown>, config: JudgeConfig): Decrypted {
  const f = config.faults;
  if (f.has('skip-gcm-tag')) return decryptIgnoringTag(resource, config.apiV3Key);
  return decryptResource(f.has('fixed-aad') ? { ...resource, associated_data: 'payscore' } : resource, config.apiV3Key);
}

/**
 * What the reference receiver makes of one POST: the signature over the raw bytes first (RECV-SIGNATURE-*,
 * RECV-STALE, RECV-PROBE, RECV-UNKNOWN-SERIAL), then the envelope (RECV-NOT-ENVELOPE), then AEAD_AES_256_GCM
 * (RECV-GCM-TAG, RECV-AAD, RECV-APIV3-KEY). Only a notification that passes all three is delivered.
 */
export function judgeNotification(
  headers: HeaderMap,
  body: Buffer,
  config: JudgeConfig,
  nowSeconds: number,
): Judgement {
  const f = config.faults;
  const signature = signatureProblem(headers, body, config, nowSeconds);
  if (signature !== undefined) return reject(401, `signature: ${signature}`);
  let envelope: unknown;
  try {
    envelope = JSON.parse(body.toString('utf8'));
  } catch {
    envelope = undefined;
  }
  if (
    !isObject(envelope) ||
    typeof envelope['id'] !== 'string' ||
    envelope['id'] === '' ||
    !isObject(envelope['resource'])
  ) {
    return f.has('accept-not-envelope')
      ? { ok: true }
      : reject(400, 'the body is not a notification envelope {id, resource, …}');
  }
  const resource = envelope['resource'];
  if (f.has('reject-empty-aad') && resource['associated_data'] === '') return reject(400, 'empty associated_data');
  const plain = decrypt(resource, config);
  if (!plain.ok)
    return f.has('accept-undecryptable') ? { ok: true } : reject(400, `resource: ${plain.reason}: ${plain.detail}`);
  let order: unknown;
  try {
    order = JSON.parse(plain.plaintext);
  } catch {
    order = undefined;
  }
  if (!isObject(order))
    return f.has('accept-undecryptable') ? { ok: true } : reject(400, 'the decrypted resource is not a JSON object');
  return {
    ok: true,
    notification: {
      id: envelope['id'],
      event_type: envelope['event_type'],
      create_time: envelope['create_time'],
      resource: order,
    },
  };
}
