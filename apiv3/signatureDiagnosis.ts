// Signature diagnosis: when a signature does not verify, which known mistake (signatureMistakes.ts) makes it
// verify. It holds the key and the bytes received, so it can say what the signer did instead of only "the
// signature does not verify". Diagnosis is advice for the developer: it never changes an answer or a verdict.
import { parseAuthorization } from './authorization';
import { PROBE_SIGNATURE_PREFIX } from './messages';
import { verifyMessage, type PublicKeyInput } from './rsa';
import { SIGNATURE_MISTAKES, type Candidate, type SignedParts } from './signatureMistakes';

export interface SignatureDiagnosis {
  /** The mistake's id (signatureMistakes.ts, or other-mchid / other-serial / timestamp-milliseconds); null: none found. */
  mistake: string | null;
  says: string;
}

const NONE_FOUND =
  'none of the known mistakes makes the signature verify with this key: if the signed message is right, the key is not the one the serial names (a key of another merchant, or of an older profile)';

/** The message a candidate stands for: its lines each ended by `lineEnd` (the last one optionally not). */
export function candidateMessage(c: Candidate): Buffer {
  const end = c.lineEnd ?? '\n';
  const p = c.parts;
  const head =
    p.method === undefined ? [p.timestamp, p.nonce] : [p.method, p.pathWithQuery ?? '', p.timestamp, p.nonce];
  return Buffer.concat([
    Buffer.from(head.map((line) => `${line}${end}`).join(''), 'utf8'),
    p.body,
    Buffer.from(c.finalLineEnd === false ? '' : end, 'utf8'),
  ]);
}

/** The first known mistake whose message the signature verifies over; `mistake: null` when there is none. */
export function diagnoseSignature(
  parts: SignedParts,
  signature: string,
  publicKey: PublicKeyInput,
): SignatureDiagnosis {
  for (const m of SIGNATURE_MISTAKES) {
    if (m.appliesTo === 'request' && parts.method === undefined) continue;
    for (const c of m.candidates(parts))
      if (verifyMessage(candidateMessage(c), signature, publicKey)) return { mistake: m.id, says: m.says };
  }
  return { mistake: null, says: NONE_FOUND };
}

export interface SignedRequestSeen {
  method: string;
  pathWithQuery: string;
  host?: string;
  body: Buffer;
  authorization: string | undefined;
}

/** Whose request it should have been: the merchant's mchid, its key's serial and public key. */
export interface MerchantIdentity {
  mchid: string;
  serialNo: string;
  publicKey: PublicKeyInput;
}

/**
 * Why a request's Authorization failed, when a signing mistake explains it; undefined when the header is not
 * a parseable signature (its own message says why), a probe, or a signature that verifies as received.
 */
export function diagnoseRequestSignature(
  seen: SignedRequestSeen,
  merchant: MerchantIdentity,
): SignatureDiagnosis | undefined {
  const parsed = parseAuthorization(seen.authorization);
  // The parser refuses a 13-digit timestamp as malformed; that it is milliseconds is worth saying.
  const ms = /\btimestamp="(\d{13,})"/.exec(seen.authorization ?? '')?.[1];
  if (ms !== undefined)
    return {
      mistake: 'timestamp-milliseconds',
      says: `timestamp ${ms} is in milliseconds; APIv3 wants Unix seconds (${ms.slice(0, -3)})`,
    };
  if (!parsed.ok || parsed.params.signature.startsWith(PROBE_SIGNATURE_PREFIX)) return undefined;
  const p = parsed.params;
  const parts: SignedParts = {
    method: seen.method,
    pathWithQuery: seen.pathWithQuery,
    ...(seen.host === undefined ? {} : { host: seen.host }),
    timestamp: p.timestamp,
    nonce: p.nonce_str,
    body: seen.body,
  };
  const intact = verifyMessage(candidateMessage({ parts }), p.signature, merchant.publicKey);
  if (p.mchid !== merchant.mchid)
    return {
      mistake: 'other-mchid',
      says: intact
        ? `mchid ${p.mchid} is not this merchant's (${merchant.mchid}), though the signature verifies with its key: send your own mchid`
        : `mchid ${p.mchid} is another merchant's (this one is ${merchant.mchid}) and the signature does not verify with this merchant's key: sign with your own mchid, serial and key`,
    };
  if (p.serial_no !== merchant.serialNo)
    return {
      mistake: 'other-serial',
      says: intact
        ? `serial_no ${p.serial_no} is not the serial of the key that signed (${merchant.serialNo}): send the serial of your merchant API key`
        : `serial_no ${p.serial_no} names no key of this merchant (its key is ${merchant.serialNo}), and the signature does not verify with that key: a key and serial of another merchant, or of an older profile`,
    };
  return intact ? undefined : diagnoseSignature(parts, p.signature, merchant.publicKey);
}
