import { TYPE_PROPERTY_NAMES, validateErrorBody, validateResponseBody } from '../specification';
import { generateKeyMaterial, type FreshMock } from './index';
import { expectStatus, createMockWithFreshKeys, mockRequest, validBody, type KeyMaterial } from './testing';

let material: KeyMaterial;
let mock: FreshMock;

beforeAll(async () => {
  material = generateKeyMaterial();
  mock = createMockWithFreshKeys({ material });
  await mock.listen();
});
afterAll(() => mock.server.stop());

describe('POST /v3/payscore/acquiringbank/serviceorder answers 200', () => {
  test('no-confirm mode: DOING + USER_CONFIRM, echo exactly the §3 fields, mchid from Authorization (RESP-ECHO, RESP-MCHID, STATE-NO-CONFIRM-MODE)', async () => {
    const body = validBody(mock.config.identities, { attach: 'a%26b', location: { start_location: '嗨客' } });
    const res = await mockRequest(mock, body);
    expectStatus(res, 200);
    expect(res.signature).toEqual({ ok: true });
    expect(res.headers['request-id']).toMatch(/.+/);
    expect(res.headers['content-type']).toBe('application/json');
    expect(validateResponseBody(res.json)).toEqual([]);
    expect(res.json['state']).toBe('DOING');
    expect(res.json['state_description']).toBe('USER_CONFIRM');
    expect(res.json['mchid']).toBe(mock.config.mchid);
    expect(res.json['package']).toBeUndefined();
    for (const field of [
      'out_order_no',
      'service_id',
      'appid',
      'sub_mchid',
      'channel_id',
      'service_introduction',
      'post_payments',
      'risk_fund',
      'time_range',
      'location',
      'attach',
      'notify_url',
    ]) {
      expect(res.json[field]).toEqual(body[field]);
    }
    // RESP-ECHO-EXACT: not echoed, absent stays absent, no defaults filled in.
    for (const absent of ['openid', 'sub_openid', 'need_user_confirm', 'sub_appid', 'post_discounts'])
      expect(res.json).not.toHaveProperty(absent);
    const orderId = res.json['order_id'];
    expect(typeof orderId === 'string' && orderId.length <= 64).toBe(true);
  });

  test('confirm mode: CREATED with a package and no state_description (STATE-CONFIRM-MODE)', async () => {
    const body = validBody(mock.config.identities, {
      need_user_confirm: true,
      sub_appid: mock.config.identities.sub_appid,
      time_range: { start_time: 'OnAccept' },
    });
    delete body['openid'];
    const res = await mockRequest(mock, body);
    expectStatus(res, 200);
    expect(res.json['state']).toBe('CREATED');
    expect(res.json).not.toHaveProperty('state_description');
    expect(typeof res.json['package']).toBe('string');
    expect(String(res.json['package']).length).toBeLessThanOrEqual(1024);
    expect(res.json['sub_appid']).toBe(mock.config.identities.sub_appid);
  });

  test('payment items without count are echoed without count (no default filled in)', async () => {
    const body = validBody(mock.config.identities, { post_payments: [{ name: 'x', amount: 1 }] });
    const res = await mockRequest(mock, body);
    expect(res.json['post_payments']).toEqual([{ name: 'x', amount: 1 }]);
  });

  test('the echo follows the CreateOrderResponse property names only', async () => {
    const res = await mockRequest(mock, validBody(mock.config.identities, { extra_field: 1 }));
    const allowed: readonly string[] = TYPE_PROPERTY_NAMES.CreateOrderResponse;
    expect(Object.keys(res.json).filter((k) => !allowed.includes(k))).toEqual([]);
  });
});

describe('routes (ROUTE-UNKNOWN)', () => {
  test('an unknown path is 404 NOT_FOUND as signed JSON', async () => {
    const res = await mockRequest(mock, {}, { path: '/v3/nothing' });
    expect([res.status, res.json['code']]).toEqual([404, 'NOT_FOUND']);
    expect(res.signature).toEqual({ ok: true });
    expect(validateErrorBody(res.json)).toEqual([]);
  });

  test('another method on the endpoint is 405 METHOD_NOT_ALLOWED with Allow: POST', async () => {
    const res = await mockRequest(mock, '', { method: 'GET' });
    expect([res.status, res.json['code'], res.headers['allow']]).toEqual([405, 'METHOD_NOT_ALLOWED', 'POST']);
    expect(res.headers['request-id']).toMatch(/.+/);
  });
});

describe('headers (HDR-*)', () => {
  const send = (headers: Record<string, string | undefined>) =>
    mockRequest(mock, validBody(mock.config.identities), { headers });

  test.each([
    ['application/json'],
    ['Application/JSON; charset=utf-8'],
    ['text/html, application/json;q=0.5'],
    ['application/*'],
    ['*/*'],
    ['application/json, text/plain, application/x-gzip, application/pdf, image/png, image/*;q=0.5'],
  ])('Accept %s is admitted (HDR-MEDIA-TYPE-PARAMS)', async (accept) => {
    expect((await send({ Accept: accept })).status).toBe(200);
  });

  test.each([[undefined], ['text/html'], ['application/json;q=0, */*'], ['application/xml']])(
    'Accept %s is 400 INVALID_REQUEST (HDR-ACCEPT)',
    async (accept) => {
      const res = await send({ Accept: accept });
      expect([res.status, res.json['code']]).toEqual([400, 'INVALID_REQUEST']);
    },
  );

  test.each([
    ['APPLICATION/json;charset=UTF-8', 200],
    ['text/plain', 400],
    [undefined, 400],
  ])('Content-Type %s → %i (HDR-CONTENT-TYPE)', async (type, status) => {
    expect((await send({ 'Content-Type': type })).status).toBe(status);
  });

  test('an unknown Wechatpay-Serial is 400 INVALID_REQUEST; a known one signs the answer (HDR-WECHATPAY-SERIAL, RESP-SERIAL)', async () => {
    const unknown = await send({ 'Wechatpay-Serial': 'PUB_KEY_ID_0000000000000000000000000000000000' });
    expect([unknown.status, unknown.json['code']]).toEqual([400, 'INVALID_REQUEST']);
    const known = await send({ 'Wechatpay-Serial': mock.keys.platformSerial });
    expectStatus(known, 200);
    expect(known.headers['wechatpay-serial']).toBe(mock.keys.platformSerial);
  });
});

describe('certificate mode', () => {
  test('answers are signed under the certificate serial (upper-case hex) issued in process', async () => {
    const cert = createMockWithFreshKeys({ material, keyMode: 'certificate' });
    await cert.listen();
    try {
      expect(cert.keys.platformSerial).toMatch(/^[0-9A-F]{8,40}$/);
      expect(cert.keys.platformCertificate).toContain('BEGIN CERTIFICATE');
      const res = await mockRequest(cert, validBody(cert.config.identities));
      expectStatus(res, 200);
      expect(res.headers['wechatpay-serial']).toBe(cert.keys.platformSerial);
      expect(res.signature).toEqual({ ok: true });
    } finally {
      await cert.server.stop();
    }
  });
});
