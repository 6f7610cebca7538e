import { createPrivateKey } from 'node:crypto';
import type { ProfileIdentities } from '../client';
import { isObject, newNonce, signRequest } from '../apiv3';
import { ENDPOINT_PATH, IDENTITY_FIELDS } from '../spec';
import { AUTHORIZATION_EXAMPLE } from './contractMatchers';
import type { Provider } from './provider';

/** The part of the verifier proxy's (express) request the filter reads and rewrites. */
export interface ProxiedRequest {
  method: string;
  /** Path with query, as received by the proxy. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed by the proxy's JSON body parser; the proxy forwards JSON.stringify(body). */
  body?: unknown;
}

/** A JSON object body; a body the proxy's JSON parser did not parse stays a Buffer, an object that is no JSON object. */
const isJsonObjectBody = (v: unknown): v is Record<string, unknown> => isObject(v) && !Buffer.isBuffer(v);

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

/**
 * The verifier's requestFilter. A replayed request carries the pact's example tenant and, unless a
 * provider state injected another, the pact's example Authorization; the filter makes it the
 * target's own request: target ids in the body, then (example Authorization only) a fresh signature
 * with the target profile's merchant key over the exact bytes the proxy will forward (it sends
 * JSON.stringify of the parsed body). State-setup calls and other paths pass untouched.
 */
export function resigningRequestFilter(provider: Provider) {
  return (req: ProxiedRequest, _res: unknown, next: () => void): void => {
    if (req.method !== 'POST' || req.url.split('?')[0] !== ENDPOINT_PATH || !isJsonObjectBody(req.body)) return next();
    const body = rewriteIdentities(req.body, provider.identities);
    const bytes = Buffer.from(JSON.stringify(body), 'utf8');
    req.body = body;
    if (req.headers['authorization'] === AUTHORIZATION_EXAMPLE)
      req.headers['authorization'] = authorizationOver(provider, req.url, bytes);
    req.headers['content-length'] = String(bytes.length);
    if (req.headers['wechatpay-serial'] !== undefined) req.headers['wechatpay-serial'] = provider.platformSerial;
    next();
  };
}
