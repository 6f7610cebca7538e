// Test support for the checks (not a test itself): hand-built, correctly signed exchanges with
// keys generated at run time, and one-field breakages of them.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Exchange } from '../client';
import { signRequest, signResponse, verifyResponseSignature } from '../apiv3';
import { ENDPOINT_PATH, TYPE_PROPERTY_NAMES, requestExamples } from '../spec';
import type { CheckName } from './registry';
import { CHECKS } from './registry';
import type { CaseExpectation, CheckContext, CheckFailure, TargetKind } from './types';

export const MCHID = '1230000109';
export const PLATFORM_SERIAL = 'PUB_KEY_ID_01123456782024010100000000000001';
const MERCHANT_SERIAL = '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C';
/** A fixed clock (2026-01-01 UTC); the spec's examples are dated 2099, so their times are in the future. */
export const NOW_MS = Date.UTC(2026, 0, 1);

interface Pair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}
let keys: { merchant: Pair; platform: Pair } | undefined;
const rsa = (): Pair => generateKeyPairSync('rsa', { modulusLength: 2048 });
/** RSA 2048 key pairs made once per test file, never written to disk. */
export function testKeys(): { merchant: Pair; platform: Pair } {
  keys ??= { merchant: rsa(), platform: rsa() };
  return keys;
}

type Json = Record<string, unknown>;

/** A valid request body: an openapi.yaml example (deep copy). */
export function validBody(mode: 'noConfirmMode' | 'confirmMode' = 'noConfirmMode'): Json {
  return requestExamples()[mode] as Json;
}

/** The conforming 200 answer to a body: the echoed fields as sent, mchid, state for the mode, order_id, package. */
export function okAnswer(body: Json, mchid = MCHID): Json {
  const response: readonly string[] = TYPE_PROPERTY_NAMES.CreateOrderResponse;
  const echoed = Object.fromEntries(Object.entries(body).filter(([k]) => response.includes(k)));
  const confirm = body['need_user_confirm'] === true;
  return {
    ...echoed,
    mchid,
    order_id: '15646546545165651651',
    ...(confirm
      ? { state: 'CREATED', package: 'DJIOSQPYWDxsjdldeskdlfjsdfljsdffLKJHIU' }
      : { state: 'DOING', state_description: 'USER_CONFIRM' }),
  };
}

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

/** A check context at NOW_MS for the test mchid. */
export function contextFor(
  expectation: CaseExpectation,
  targetKind: TargetKind = 'mock',
  extra: Partial<CheckContext> = {},
): CheckContext {
  return { mchid: MCHID, expectation, targetKind, now: NOW_MS, ...extra };
}

/** For tests: the failures of one check, failing the test when the check calls itself not applicable. */
export function failuresOf(name: CheckName, exchange: Exchange, ctx: CheckContext): CheckFailure[] {
  const result = CHECKS[name].run(exchange, ctx);
  if (result === 'not-applicable') throw new Error(`${name} was not applicable`);
  return result;
}

/** For tests: the rule ids a check names on this exchange. */
export function rulesOf(name: CheckName, exchange: Exchange, ctx: CheckContext): string[] {
  return failuresOf(name, exchange, ctx).map((f) => f.ruleId);
}
