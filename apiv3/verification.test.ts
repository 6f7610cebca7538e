// Verification verdicts: the 5-minute rule both ways for requests and responses, probe signatures,
// and failures as data carrying the reason and the exact message that should have been signed.
import { generateKeyPairSync } from 'node:crypto';
import {
  PROBE_SIGNATURE_PREFIX,
  TIMESTAMP_WINDOW_SECONDS,
  formatAuthorization,
  signRequest,
  signResponse,
  verifyRequestSignature,
  verifyResponseSignature,
  type VerifyRequestInput,
} from '.';

const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PATH = '/v3/payscore/acquiringbank/serviceorder';
const TS = 1_700_000_000;
const NONCE = 'N0NCE';
const BODY = '{"service_introduction":"某某酒店 😀"}';
const signed = signRequest({
  method: 'POST',
  pathWithQuery: PATH,
  body: BODY,
  mchid: '1230000109',
  serialNo: 'ABCD1234',
  privateKey: merchant.privateKey,
  timestamp: TS,
  nonce: NONCE,
});
const expectedRequestMessage = `POST\n${PATH}\n${TS}\n${NONCE}\n${BODY}\n`;

const verifyRequest = (over: Partial<VerifyRequestInput>) =>
  verifyRequestSignature({
    method: 'POST',
    pathWithQuery: PATH,
    body: BODY,
    authorization: signed.authorization,
    now: TS,
    merchantKey: (mchid, serial) =>
      mchid !== '1230000109' ? 'unknown-mchid' : serial !== 'ABCD1234' ? 'unknown-serial' : merchant.publicKey,
    ...over,
  });
const responseHeaders: Record<string, string> = {
  ...signResponse({ body: BODY, privateKey: platform.privateKey, serial: 'PUB_KEY_ID_1', timestamp: TS, nonce: NONCE }),
};
const verifyResponse = (headers: Record<string, string>, now = TS, body: string = BODY) =>
  verifyResponseSignature({
    headers,
    body,
    now,
    platformKey: (s) => (s === 'PUB_KEY_ID_1' ? platform.publicKey : undefined),
  });

test('the window is five minutes', () => {
  expect(TIMESTAMP_WINDOW_SECONDS).toBe(300);
});

describe.each([
  ['past', -1],
  ['future', 1],
] as const)('a request timestamp in the %s', (_name, sign) => {
  test('300 s away is accepted', () => {
    expect(verifyRequest({ now: TS - sign * 300 })).toMatchObject({ ok: true });
  });
  test('301 s away is stale, with the skew in the detail', () => {
    expect(verifyRequest({ now: TS - sign * 301 })).toMatchObject({
      ok: false,
      reason: 'stale',
      detail: expect.stringContaining('is 301 s away') as unknown,
    });
  });
});

describe.each([
  ['past', -1],
  ['future', 1],
] as const)('a response timestamp in the %s', (_name, sign) => {
  test('300 s away is accepted, 301 s is stale', () => {
    expect(verifyResponse(responseHeaders, TS - sign * 300)).toEqual({ ok: true });
    expect(verifyResponse(responseHeaders, TS - sign * 301)).toMatchObject({
      ok: false,
      reason: 'stale',
      detail: expect.stringContaining('301 s') as unknown,
    });
  });
});

test('a WECHATPAY/SIGNTEST/ probe in Authorization is rejected as a probe, without throwing', () => {
  const authorization = formatAuthorization({ ...signed.params, signature: `${PROBE_SIGNATURE_PREFIX}cHJvYmU=` });
  expect(() => verifyRequest({ authorization })).not.toThrow();
  expect(verifyRequest({ authorization })).toMatchObject({
    ok: false,
    reason: 'probe',
    expectedMessage: expectedRequestMessage,
  });
});

test('a WECHATPAY/SIGNTEST/ probe response is rejected as a probe, without throwing', () => {
  const verdict = verifyResponse({
    ...responseHeaders,
    'Wechatpay-Signature': `${PROBE_SIGNATURE_PREFIX}anything+at/all==`,
  });
  expect(verdict).toMatchObject({ ok: false, reason: 'probe' });
});

test('a request signed over another body fails with bad-signature and the exact expected message', () => {
  const verdict = verifyRequest({ body: `${BODY} ` });
  expect(verdict).toEqual({
    ok: false,
    reason: 'bad-signature',
    params: signed.params,
    detail: 'the signature does not verify over the expected message with the merchant key',
    expectedMessage: `POST\n${PATH}\n${TS}\n${NONCE}\n${BODY} \n`,
  });
});

test('a request verified with another merchant key fails with bad-signature', () => {
  expect(verifyRequest({ merchantKey: () => other.publicKey })).toMatchObject({
    ok: false,
    reason: 'bad-signature',
    expectedMessage: expectedRequestMessage,
  });
});

test('unknown mchid and unknown serial_no are told apart', () => {
  expect(verifyRequest({ merchantKey: () => 'unknown-mchid' })).toMatchObject({
    ok: false,
    reason: 'unknown-mchid',
    detail: 'mchid 1230000109 is not known here',
  });
  expect(verifyRequest({ merchantKey: () => 'unknown-serial' })).toMatchObject({ ok: false, reason: 'unknown-serial' });
});

test('a response over other bytes fails with the exact expected message; a missing header is named', () => {
  expect(verifyResponse(responseHeaders, TS, `${BODY}\r`)).toMatchObject({
    ok: false,
    reason: 'bad-signature',
    expectedMessage: `${TS}\n${NONCE}\n${BODY}\r\n`,
    // The signature diagnosis names what the signer did: the body it signed lacks the trailing \r.
    detail: expect.stringContaining('; diagnosis: body-whitespace — '),
  });
  const { 'Wechatpay-Nonce': _dropped, ...withoutNonce } = responseHeaders;
  expect(verifyResponse(withoutNonce)).toMatchObject({
    ok: false,
    reason: 'missing',
    detail: 'missing header(s) Wechatpay-Nonce',
  });
  expect(verifyResponse({ ...responseHeaders, 'Wechatpay-Serial': 'PUB_KEY_ID_2' })).toMatchObject({
    ok: false,
    reason: 'unknown-serial',
  });
});

test('a response signature that is not Base64 is a bad signature, not an exception', () => {
  expect(verifyResponse({ ...responseHeaders, 'Wechatpay-Signature': '%%%not base64' })).toMatchObject({
    ok: false,
    reason: 'bad-signature',
  });
  expect(JSON.stringify(verifyResponse({ ...responseHeaders, 'Wechatpay-Signature': '%%%not base64' }))).not.toContain(
    'diagnosis',
  );
});
