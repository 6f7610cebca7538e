/** The APIv3 signing scheme name, as it stands in Authorization and Wechatpay-Signature-Type. */
export const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

/** The hosts of WeChat Pay's API (the first is the one SDKs hard-code); the sandbox answers for both. */
export const WECHAT_API_HOSTS = ['api.mch.weixin.qq.com', 'api2.mch.weixin.qq.com'] as const;

/** Prefix of WeChat Pay's deliberate probe signatures; a correct verifier rejects them. */
export const PROBE_SIGNATURE_PREFIX = 'WECHATPAY/SIGNTEST/';

/** Both directions tolerate at most this much clock skew (DECISION for requests, SDK rule for responses). */
export const TIMESTAMP_WINDOW_SECONDS = 300;

const bytes = (body: string | Uint8Array): Buffer =>
  typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);

/** `METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nBODY\n` — BODY the exact bytes sent (empty for GET). */
export function requestMessage(
  method: string,
  pathWithQuery: string,
  timestamp: string,
  nonce: string,
  body: string | Uint8Array,
): Buffer {
  return Buffer.concat([
    Buffer.from(`${method.toUpperCase()}\n${pathWithQuery}\n${timestamp}\n${nonce}\n`, 'utf8'),
    bytes(body),
    Buffer.from('\n'),
  ]);
}

/** `TIMESTAMP\nNONCE\nBODY\n` over the raw response or callback bytes (empty body → empty line). */
export function responseMessage(timestamp: string, nonce: string, body: string | Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'), bytes(body), Buffer.from('\n')]);
}
