import { createDecipheriv, type KeyObject } from 'node:crypto';
import {
  GCM_TAG_BYTES,
  PROBE_SIGNATURE_PREFIX,
  decryptResource,
  headerValue,
  isObject,
  verifyResponseSignature,
  type Decrypted,
  type HeaderMap,
} from '../apiv3';
import { receiverPolicy, type ReceiverFaultName } from './receiverFaults';
import type { ReceiverPolicy } from './receiverPolicy';

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
export type ReceiverDecision =
  { ok: true; notification?: ReceivedNotification } | { ok: false; status: number; reason: string };

const reject = (status: number, reason: string): ReceiverDecision => ({ ok: false, status, reason });

/** The signature step (verified first, before anything else is read): undefined when it passes. */
function signatureProblem(
  headers: HeaderMap,
  body: Buffer,
  config: JudgeConfig,
  policy: ReceiverPolicy,
  nowSeconds: number,
): string | undefined {
  if (policy.signature === 'skip') return undefined;
  const keys = policy.trustedKeys === 'first-only' ? config.platformKeys.slice(0, 1) : config.platformKeys;
  const verdict = verifyResponseSignature({
    headers: headers as Record<string, string | string[] | undefined>,
    body,
    now: nowSeconds,
    platformKey: (serial) => keys.find((k) => k.serial === serial)?.publicKey,
    windowSeconds: policy.timestampWindowSeconds,
  });
  if (verdict.ok) return undefined;
  if (verdict.reason === 'missing' && policy.unsigned === 'accept') return undefined;
  if (verdict.reason === 'unknown-serial' && policy.unknownSerial === 'accept') return undefined;
  const probe = (headerValue(headers, 'Wechatpay-Signature') ?? '').startsWith(PROBE_SIGNATURE_PREFIX);
  if (probe && policy.probeSignature === 'accept') return undefined;
  return `${verdict.reason}: ${verdict.detail}`;
}

/** The gcmTag 'ignored' policy (skip-gcm-tag fault): AES-256-GCM without the tag check — exactly what a receiver must never do. */
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

function decrypt(resource: Record<string, unknown>, apiV3Key: Buffer, policy: ReceiverPolicy): Decrypted {
  if (policy.gcmTag === 'ignored') return decryptIgnoringTag(resource, apiV3Key);
  const aad = policy.fixedAssociatedData;
  return decryptResource(aad === undefined ? resource : { ...resource, associated_data: aad }, apiV3Key);
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
): ReceiverDecision {
  const policy = receiverPolicy(config.faults);
  const signature = signatureProblem(headers, body, config, policy, nowSeconds);
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
    return policy.notEnvelope === 'accept'
      ? { ok: true }
      : reject(400, 'the body is not a notification envelope {id, resource, …}');
  }
  const resource = envelope['resource'];
  if (policy.emptyAssociatedData === 'reject' && resource['associated_data'] === '')
    return reject(400, 'empty associated_data');
  const plain = decrypt(resource, config.apiV3Key, policy);
  if (!plain.ok)
    return policy.undecryptable === 'accept' ? { ok: true } : reject(400, `resource: ${plain.reason}: ${plain.detail}`);
  let order: unknown;
  try {
    order = JSON.parse(plain.plaintext);
  } catch {
    order = undefined;
  }
  if (!isObject(order))
    return policy.undecryptable === 'accept'
      ? { ok: true }
      : reject(400, 'the decrypted resource is not a JSON object');
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
