import { createPrivateKey } from 'node:crypto';
import type { ProfileIdentities } from '../client';
import { newNonce, signRequest } from '../apiv3';
import { ENDPOINT_PATH, IDENTITY_FIELDS } from '../specification';
import type { Provider } from './provider';
import type { ReplaySession } from './replaySession';

/** The part of the verifier proxy's (express) request the filter reads and rewrites. */
export interface ProxiedRequest {
  method: string;
  /** Path with query, as received by the proxy. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed by the proxy's JSON body parser, or the raw bytes (a Buffer) for other media types. */
  body?: unknown;
}

/**
 * The bytes pact-js's proxy forwards for a body (its parseBody): nothing for an absent or empty body,
 * a Buffer as it is, a parsed object as JSON.stringify. The signature must cover exactly these.
 */
function forwardedBytes(body: unknown): Buffer {
  if (body === undefined || body === null || Object.keys(body).length === 0) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return Buffer.from(body);
  return typeof body === 'object' ? Buffer.from(JSON.stringify(body), 'utf8') : Buffer.alloc(0);
}

const isJsonObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);

/**
 * The body with the tenant ids it carries replaced by the target's. A contract pins shapes, not a
 * tenant: the pact carries an example tenant's ids, and any provider answers 403 NO_AUTH to ids
 * not bound to it, so a replay must speak as the provider's own tenant. Fields the body does not
 * carry stay absent; a field the target has no id for keeps the pact's value.
 */
export function rewriteIdentities(
  body: Record<string, unknown>,
  identities: ProfileIdentities,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  for (const field of IDENTITY_FIELDS) {
    const own = identities[field];
    if (field in out && own !== undefined) out[field] = own;
  }
  return out;
}

/** An Authorization header of the target's merchant for a POST of `body` to `url`, timestamp now, a new nonce. */
function authorizationOver(provider: Provider, url: string, body: Buffer): string {
  const basePath = new URL(provider.baseUrl).pathname.replace(/\/$/, '');
  return signRequest({
    method: 'POST',
    pathWithQuery: `${basePath}${url}`,
    body,
    mchid: provider.mchid,
    serialNo: provider.merchantSerialNo,
    privateKey: createPrivateKey(provider.merchantPrivateKeyPem),
    timestamp: Math.floor(Date.now() / 1000),
    nonce: newNonce(),
  }).authorization;
}

/**
 * For the bad-signature state: a well-formed header of the target's merchant with a real RSA
 * signature over other bytes than any create-order body, so it cannot verify (AUTH-SIGNATURE) while
 * every other part (mchid, serial, timestamp, nonce) passes.
 */
export function signatureThatDoesNotVerify(provider: Provider): string {
  return authorizationOver(provider, ENDPOINT_PATH, Buffer.from('not the body of this request', 'utf8'));
}

export interface RequestFilterOptions {
  /** Replace the tenant ids of a JSON body with the provider's (rewriteIdentities); off when the provider was made with the pact's own ids. */
  rewriteIds: boolean;
  /** Called before a replayed request no provider state prepared, so it meets a clean store. */
  resetUnprepared?: () => Promise<unknown>;
}

/**
 * The verifier's requestFilter. A replayed request carries a signature that was stale or a placeholder
 * when the pact was written; the filter makes it the provider's own request: (optionally) its ids in
 * the body, then a fresh signature with the provider's merchant key over the exact bytes the proxy
 * will forward, timestamp now, a new nonce, and Wechatpay-Serial naming its platform key. Under the
 * bad-signature state the new signature is one that does not verify. State-setup calls and other
 * paths or methods pass untouched.
 */
export function resigningRequestFilter(provider: Provider, session: ReplaySession, options: RequestFilterOptions) {
  return (req: ProxiedRequest, _res: unknown, next: (error?: unknown) => void): void => {
    if (req.method !== 'POST' || req.url.split('?')[0] !== ENDPOINT_PATH) return next();
    const prepared = session.takePrepared();
    const body =
      options.rewriteIds && isJsonObject(req.body) ? rewriteIdentities(req.body, provider.identities) : req.body;
    const bytes = forwardedBytes(body);
    req.body = body;
    req.headers['authorization'] = session.takeBadSignature()
      ? signatureThatDoesNotVerify(provider)
      : authorizationOver(provider, req.url, bytes);
    req.headers['content-length'] = String(bytes.length);
    if (req.headers['wechatpay-serial'] !== undefined) req.headers['wechatpay-serial'] = provider.platformSerial;
    if (prepared || options.resetUnprepared === undefined) return next();
    options.resetUnprepared().then(() => next(), next);
  };
}
