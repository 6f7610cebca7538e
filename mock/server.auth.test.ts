import { generateKeyPairSync } from 'node:crypto';
import { PROBE_SIGNATURE_PREFIX, formatAuthorization, newNonce, signRequest } from '../apiv3';
import { ENDPOINT_PATH } from '../specification';
import type { FreshMock } from './index';
import { expectStatus, createMockWithFreshKeys, mockRequest, validBody } from './testing';

let mock: FreshMock;
beforeAll(async () => {
  mock = createMockWithFreshKeys();
  await mock.listen();
});
afterAll(() => mock.server.stop());

const expectSignError = async (promise: ReturnType<typeof mockRequest>): Promise<void> => {
  const res = await promise;
  expect([res.status, res.json['code']]).toEqual([401, 'SIGN_ERROR']);
  // Errors are signed and carry Request-ID too (RESP-SIGNED, RESP-REQUEST-ID).
  expect(res.signature).toEqual({ ok: true });
  expect(res.headers['request-id']).toMatch(/.+/);
};

describe('Authorization (AUTH-*) is 401 SIGN_ERROR', () => {
  const body = () => validBody(mock.config.identities);

  test('missing (AUTH-REQUIRED)', () => expectSignError(mockRequest(mock, body(), { authorization: undefined })));
  test('another scheme (AUTH-SCHEME)', () =>
    expectSignError(mockRequest(mock, body(), { authorization: 'Bearer abc' })));
  test('malformed parameters (AUTH-SCHEME)', () =>
    expectSignError(mockRequest(mock, body(), { authorization: 'WECHATPAY2-SHA256-RSA2048 mchid=1' })));
  test('unknown mchid (AUTH-MCHID)', () => expectSignError(mockRequest(mock, body(), { mchid: '1999999999' })));
  test('unknown serial_no (AUTH-SERIAL)', () => expectSignError(mockRequest(mock, body(), { serialNo: 'ABCDEF0123' })));
  test('timestamp 301 s in the past or future (AUTH-TIMESTAMP-WINDOW)', async () => {
    await expectSignError(mockRequest(mock, body(), { timestamp: Math.floor(Date.now() / 1000) - 310 }));
    await expectSignError(mockRequest(mock, body(), { timestamp: Math.floor(Date.now() / 1000) + 310 }));
  });
  test('a timestamp 4 minutes off is still accepted', async () => {
    expectStatus(await mockRequest(mock, body(), { timestamp: Math.floor(Date.now() / 1000) - 240 }), 200);
  });
  test('signed with another key (AUTH-SIGNATURE)', () => {
    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    return expectSignError(mockRequest(mock, body(), { privateKey: other.privateKey }));
  });
  test('a body other than the signed one (AUTH-SIGNATURE)', () => {
    const b = body();
    const signed = signRequest({
      method: 'POST',
      pathWithQuery: ENDPOINT_PATH,
      body: JSON.stringify(b),
      mchid: mock.config.mchid,
      serialNo: mock.keys.merchantSerialNo,
      privateKey: mock.keys.merchantPrivateKey,
      timestamp: Math.floor(Date.now() / 1000),
      nonce: newNonce(),
    });
    return expectSignError(mockRequest(mock, { ...b, attach: 'tampered' }, { authorization: signed.authorization }));
  });
  test('a WECHATPAY/SIGNTEST/ probe signature', () => {
    const params = {
      mchid: mock.config.mchid,
      nonce_str: newNonce(),
      timestamp: String(Math.floor(Date.now() / 1000)),
      serial_no: mock.keys.merchantSerialNo,
      signature: `${PROBE_SIGNATURE_PREFIX}abc`,
    };
    return expectSignError(mockRequest(mock, body(), { authorization: formatAuthorization(params) }));
  });
  test('a nonce_str used again within the window (AUTH-NONCE-REPLAY)', async () => {
    const nonce = newNonce();
    expectStatus(await mockRequest(mock, body(), { nonce }), 200);
    await expectSignError(mockRequest(mock, body(), { nonce }));
  });
});

describe('CHECK-ORDER', () => {
  test('a bad signature wins over a bad header and a bad body', async () => {
    const res = await mockRequest(mock, '{nope', { authorization: 'Bearer x', headers: { Accept: 'text/html' } });
    expectStatus(res, 401);
  });
  test('a bad header wins over a bad body', async () => {
    const res = await mockRequest(mock, '{nope', { headers: { 'Content-Type': 'text/plain' } });
    expect([res.status, res.json['code']]).toEqual([400, 'INVALID_REQUEST']);
  });
  test('a field rule wins over identities, identities over idempotency and business rules', async () => {
    const ids = mock.config.identities;
    const tooLong = await mockRequest(mock, validBody(ids, { service_id: 'x'.repeat(33) }));
    expect([tooLong.status, tooLong.json['code']]).toEqual([400, 'PARAM_ERROR']);
    const unbound = await mockRequest(
      mock,
      validBody(ids, { service_id: 'other', risk_fund: { name: 'DEPOSIT', amount: 10 ** 9 } }),
    );
    expect([unbound.status, unbound.json['code']]).toEqual([403, 'NO_AUTH']);
  });
});
