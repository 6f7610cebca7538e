import { ENDPOINT_PATH } from '../specification';
import { formatAuthorization, signRequest } from '../apiv3';
import type { SentRequest } from './exchange';
import type { LoadedProfile } from './profile';
import type { RawRequest } from './rawRequest';
import { userAgent } from './userAgent';

export interface PrepareContext {
  profile: LoadedProfile;
  /** Now, ms. */
  clock: () => number;
  nonce: () => string;
}

/** Names as the client sends them by default; a RawRequest header of any case replaces or (null) removes one. */
function mergeHeaders(defaults: Array<[string, string]>, overrides: RawRequest['headers']): Record<string, string> {
  const merged = new Map<string, [string, string]>(defaults.map(([n, v]) => [n.toLowerCase(), [n, v]]));
  for (const [name, value] of Object.entries(overrides ?? {})) {
    if (value === null) merged.delete(name.toLowerCase());
    else merged.set(name.toLowerCase(), [name, value]);
  }
  return Object.fromEntries([...merged.values()]);
}

/** Builds the exact request (bytes, headers, signature) a RawRequest asks for; signs afresh on each call. */
export function prepareRequest(raw: RawRequest, ctx: PrepareContext): SentRequest {
  const { profile } = ctx;
  const method = raw.method ?? 'POST';
  const base = new URL(profile.baseUrl);
  const pathWithQuery = `${base.pathname.replace(/\/$/, '')}${raw.path ?? ENDPOINT_PATH}`;
  const signedBody = typeof raw.body === 'string' ? Buffer.from(raw.body, 'utf8') : (raw.body ?? Buffer.alloc(0));
  let body = signedBody;
  const defaults: Array<[string, string]> = [];
  let signedMessage: string | undefined;
  if (raw.sign !== false) {
    const s = raw.sign ?? {};
    const signed = signRequest({
      method,
      pathWithQuery,
      body: signedBody,
      mchid: s.mchid ?? profile.mchid,
      serialNo: s.serialNo ?? profile.merchant.serialNo,
      privateKey: s.privateKey ?? profile.merchantPrivateKey,
      timestamp: s.timestamp ?? Math.floor(ctx.clock() / 1000),
      nonce: s.nonce ?? ctx.nonce(),
    });
    signedMessage = signed.message;
    const authorization =
      s.signatureOverride === undefined && s.authorizationForm === undefined
        ? signed.authorization
        : formatAuthorization(
            { ...signed.params, signature: s.signatureOverride ?? signed.params.signature },
            s.authorizationForm,
          );
    defaults.push(['Authorization', authorization]);
    if (s.tamperBodyAfterSigning !== undefined) {
      body =
        typeof s.tamperBodyAfterSigning === 'string'
          ? Buffer.from(s.tamperBodyAfterSigning, 'utf8')
          : s.tamperBodyAfterSigning;
    }
  }
  defaults.push(
    ['Accept', 'application/json'],
    ['Content-Type', 'application/json'],
    ['Wechatpay-Serial', profile.platformSerial],
    ['User-Agent', userAgent()],
  );
  // A bodiless GET/HEAD carries no framing header, as curl and browsers send it.
  if (body.length > 0 || !['GET', 'HEAD'].includes(method.toUpperCase()))
    defaults.push(['Content-Length', String(body.length)]);
  const request: SentRequest = {
    method,
    url: `${base.origin}${pathWithQuery}`,
    pathWithQuery,
    headers: mergeHeaders(defaults, raw.headers),
    body,
  };
  if (signedMessage !== undefined) request.signedMessage = signedMessage;
  return request;
}
