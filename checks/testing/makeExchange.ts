// Hand-built, correctly signed exchanges, and one-field breakages of them.
import type { Exchange } from '../../client';
import { signRequest, signResponse, verifyResponseSignature } from '../../apiv3';
import { ENDPOINT_PATH } from '../../specification';
import { validBody } from '../../specification/testing';
import { okAnswer } from './okAnswer';
import { MCHID, MERCHANT_SERIAL, NOW_MS, PLATFORM_SERIAL, testKeys } from './testKeys';

type Json = Record<string, unknown>;

export interface ExchangeOptions {
  /** The request body: a JSON value, or raw text sent as is. */
  request?: unknown;
  /** Request header overrides; undefined removes one. */
  requestHeaders?: Record<string, string | undefined>;
  status?: number;
  /** The response body: a JSON value, raw text (`{ raw }`), or none. */
  response?: unknown;
  /** Response header overrides applied after signing; undefined removes one. */
  responseHeaders?: Record<string, string | undefined>;
  /** Response signature timestamp, Unix seconds. */
  signedAt?: number;
  /** Response bytes swapped in after signing (a tampered answer). */
  bodyAfterSigning?: string;
  transportError?: Exchange['transportError'];
}

const merge = (
  base: Record<string, string>,
  overrides: Record<string, string | undefined> = {},
): Record<string, string> => {
  const out = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
};

/** A recorded exchange: by default a valid no-confirm request answered 200, correctly signed both ways. */
export function makeExchange(options: ExchangeOptions = {}): Exchange {
  const { merchant, platform } = testKeys();
  const requestValue = options.request ?? validBody();
  const requestText = typeof requestValue === 'string' ? requestValue : JSON.stringify(requestValue);
  const signed = signRequest({
    method: 'POST',
    pathWithQuery: ENDPOINT_PATH,
    body: requestText,
    mchid: MCHID,
    serialNo: MERCHANT_SERIAL,
    privateKey: merchant.privateKey,
    timestamp: NOW_MS / 1000,
    nonce: 'REQNONCE0123456789',
  });
  const requestHeaders = merge(
    { Authorization: signed.authorization, Accept: 'application/json', 'Content-Type': 'application/json' },
    options.requestHeaders,
  );
  const exchange: Exchange = {
    request: {
      method: 'POST',
      url: `http://127.0.0.1:8080${ENDPOINT_PATH}`,
      pathWithQuery: ENDPOINT_PATH,
      headers: requestHeaders,
      body: Buffer.from(requestText, 'utf8'),
      signedMessage: signed.message,
    },
    durationMs: 3,
    curl: `curl -X POST 'http://127.0.0.1:8080${ENDPOINT_PATH}' --data-binary @body.json`,
  };
  if (options.transportError !== undefined) return { ...exchange, transportError: options.transportError };
  const status = options.status ?? 200;
  const answer =
    options.response === undefined && status === 200 ? okAnswer(JSON.parse(requestText) as Json) : options.response;
  const raw = (answer as { raw?: string } | undefined)?.raw;
  const text = answer === undefined ? '' : (raw ?? JSON.stringify(answer));
  const signature = signResponse({
    body: Buffer.from(text, 'utf8'),
    privateKey: platform.privateKey,
    serial: PLATFORM_SERIAL,
    timestamp: options.signedAt ?? NOW_MS / 1000,
    nonce: 'RESPNONCE0123456789',
  });
  const base: Record<string, string> = {
    'request-id': '08F78BB5AF0610F',
    ...Object.fromEntries(Object.entries(signature).map(([k, v]) => [k.toLowerCase(), v])),
  };
  if (text !== '') base['content-type'] = 'application/json; charset=utf-8';
  const headers = merge(base, options.responseHeaders);
  const body = Buffer.from(options.bodyAfterSigning ?? text, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    json = undefined;
  }
  const verdict = verifyResponseSignature({
    headers,
    body,
    platformKey: (serial) => (serial === PLATFORM_SERIAL ? platform.publicKey : undefined),
    now: NOW_MS / 1000,
  });
  return {
    ...exchange,
    response: json === undefined ? { status, headers, body } : { status, headers, body, json },
    signature: verdict,
  };
}

/** An error answer {code, message}, correctly signed. */
export function errorExchange(status: number, code: string, options: ExchangeOptions = {}): Exchange {
  // The mock's PARAM_ERROR names the field (ERR-DETAIL-FIELD); the kit's conforming answer does too.
  const detail =
    code === 'PARAM_ERROR' ? { detail: { field: '/out_order_no', issue: 'from the test kit', location: 'body' } } : {};
  return makeExchange({
    ...options,
    status,
    response: options.response ?? { code, message: `${code} from the test kit`, ...detail },
  });
}
