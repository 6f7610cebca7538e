import { createPrivateKey } from 'node:crypto';
import { ENDPOINT_PATH } from '../spec';
import { newNonce, signRequest } from '../apiv3';
import type { ReplayPlan } from './replayPlan';
import type { ReplayTarget } from './replayTarget';
import { rewriteIdentities } from './rewriteIdentities';

/** The part of the verifier proxy's (express) request the filter reads and rewrites. */
export interface ProxiedRequest {
  method: string;
  /** Path with query, as received by the proxy. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed by the proxy's JSON body parser; the proxy forwards JSON.stringify(body). */
  body?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);

/**
 * The verifier's requestFilter. A replayed request carries the consumer's stale signature and the
 * pact's example tenant; the filter makes it the target's own request: target ids in the body,
 * then a fresh signature with the target profile's merchant key over the exact bytes the proxy
 * will forward (it sends JSON.stringify of the parsed body), timestamp now, a new nonce.
 * State-setup calls and other paths pass untouched. `plan()` is read once per request, then reset.
 */
export function resigningRequestFilter(target: ReplayTarget, plan: () => ReplayPlan, resetPlan: () => void) {
  const basePath = new URL(target.baseUrl).pathname.replace(/\/$/, '');
  const privateKey = createPrivateKey(target.merchantPrivateKeyPem);
  return (req: ProxiedRequest, _res: unknown, next: () => void): void => {
    if (req.method !== 'POST' || req.url.split('?')[0] !== ENDPOINT_PATH || !isObject(req.body)) return next();
    const { signature, outOrderNo } = plan();
    resetPlan();
    const body = rewriteIdentities(req.body, target.identities);
    if (outOrderNo !== undefined) body['out_order_no'] = outOrderNo;
    const bytes = Buffer.from(JSON.stringify(body), 'utf8');
    const sign = (signed: Buffer) => signRequest({
      method: req.method, pathWithQuery: `${basePath}${req.url}`, body: signed,
      mchid: target.mchid, serialNo: target.merchantSerialNo, privateKey,
      timestamp: Math.floor(Date.now() / 1000), nonce: newNonce(),
    });
    // A broken signature is a real RSA signature over other bytes: well-formed, and it cannot verify.
    const authorization = sign(signature === 'valid' ? bytes : Buffer.concat([bytes, Buffer.from(' ')])).authorization;
    req.body = body;
    req.headers['authorization'] = authorization;
    req.headers['content-length'] = String(bytes.length);
    if (req.headers['wechatpay-serial'] !== undefined) req.headers['wechatpay-serial'] = target.platformSerial;
    next();
  };
}
