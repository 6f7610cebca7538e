import { formatChinaTime } from '../specification';
import { createClock, type FreshMock } from './index';
import { expectStatus, createMockWithFreshKeys, mockRequest, validBody } from './testing';

let mock: FreshMock;
const clock = createClock({ start: Date.now() });
beforeAll(async () => {
  mock = createMockWithFreshKeys({ clock, riskFundCap: 50000 });
  await mock.listen();
});
afterAll(() => mock.server.stop());

describe('field rules: 400 PARAM_ERROR with detail {field, value, issue, location} (ERR-DETAIL-FIELD)', () => {
  test('a 33-character out_order_no (OON-LENGTH)', async () => {
    const oon = 'A'.repeat(33);
    const res = await mockRequest(mock, validBody(mock.config.identities, { out_order_no: oon }));
    expect([res.status, res.json['code']]).toEqual([400, 'PARAM_ERROR']);
    expect(res.json['detail']).toMatchObject({ field: '/out_order_no', value: oon, location: 'body' });
    expect(typeof (res.json['detail'] as Record<string, unknown>)['issue']).toBe('string');
  });
  test('null is a type violation (TYPE-NULL)', async () => {
    const res = await mockRequest(mock, validBody(mock.config.identities, { attach: null }));
    expect([res.status, (res.json['detail'] as Record<string, unknown>)['field']]).toEqual([400, '/attach']);
  });
  test('both openids in no-confirm mode (OPENID-EXCLUSIVE)', async () => {
    const res = await mockRequest(
      mock,
      validBody(mock.config.identities, {
        sub_openid: mock.config.identities.sub_openid,
        sub_appid: mock.config.identities.sub_appid,
      }),
    );
    expect([res.status, res.json['code']]).toEqual([400, 'PARAM_ERROR']);
  });
});

describe('identities (NO-AUTH): 403 NO_AUTH', () => {
  test.each([
    ['service_id', { service_id: '2002000000000000000000000000001' }],
    ['sub_mchid not under channel_id', { channel_id: '1000000001' }],
    ['appid', { appid: 'wx0000000000000000' }],
    ['sub_appid', { sub_appid: 'wx1111111111111111' }],
  ])('%s not bound', async (_name, override) => {
    const res = await mockRequest(mock, validBody(mock.config.identities, override));
    expect([res.status, res.json['code']]).toEqual([403, 'NO_AUTH']);
  });
});

describe('business rules take their code from rule(id).expect.codes[0]', () => {
  test('risk_fund.amount over the cap is 400 INVALID_REQUEST (RISK-CAP)', async () => {
    const res = await mockRequest(
      mock,
      validBody(mock.config.identities, { risk_fund: { name: 'DEPOSIT', amount: 50001 } }),
    );
    expect([res.status, res.json['code']]).toEqual([400, 'INVALID_REQUEST']);
  });
  test('payment sum over the cap without discounts is 400 INVALID_REQUEST (RISK-CAP)', async () => {
    const res = await mockRequest(
      mock,
      validBody(mock.config.identities, {
        post_payments: [
          { name: 'a', amount: 30000 },
          { name: 'b', amount: 20001 },
        ],
      }),
    );
    expect([res.status, res.json['code']]).toEqual([400, 'INVALID_REQUEST']);
  });
  test('a repeated payment name is 400 PARAM_ERROR (PAY-NAME-UNIQUE); 商品信息 may repeat', async () => {
    const dup = await mockRequest(
      mock,
      validBody(mock.config.identities, {
        post_payments: [
          { name: 'a', amount: 1 },
          { name: 'a', amount: 2 },
        ],
      }),
    );
    expect([dup.status, dup.json['code']]).toEqual([400, 'PARAM_ERROR']);
    const repeatable = await mockRequest(
      mock,
      validBody(mock.config.identities, {
        post_payments: [
          { name: '商品信息', amount: 1 },
          { name: '商品信息', amount: 2 },
        ],
      }),
    );
    expectStatus(repeatable, 200);
  });
  test('a start_time before the business clock is 400 INVALID_REQUEST (TIME-START-FUTURE)', async () => {
    const past = formatChinaTime(clock.now() - 60_000, 'second');
    const res = await mockRequest(mock, validBody(mock.config.identities, { time_range: { start_time: past } }));
    expect([res.status, res.json['code']]).toEqual([400, 'INVALID_REQUEST']);
  });
});

describe('idempotency (IDEMP-*)', () => {
  test('the same parameters in another key order replay the stored answer byte for byte (IDEMP-SAME, IDEMP-SAME-JSON)', async () => {
    const body = validBody(mock.config.identities, { need_user_confirm: true });
    const first = await mockRequest(mock, body);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await mockRequest(mock, JSON.stringify(reordered, null, 2));
    expectStatus(first, 200);
    expect(again.raw.equals(first.raw)).toBe(true);
    expect(again.json['package']).toBe(first.json['package']);
  });
  test('different parameters are 400 INVALID_REQUEST (IDEMP-CONFLICT)', async () => {
    const body = validBody(mock.config.identities);
    expectStatus(await mockRequest(mock, body), 200);
    const res = await mockRequest(mock, { ...body, attach: 'other' });
    expect([res.status, res.json['code']]).toEqual([400, 'INVALID_REQUEST']);
  });
  test.each([
    ['EXPIRED', 'INVALID_ORDER_STATE'],
    ['REVOKED', 'ORDER_CANCELED'],
    ['DONE', 'ORDER_DONE'],
  ] as const)('an order in %s answers 400 %s (IDEMP-TERMINAL)', async (state, code) => {
    const body = validBody(mock.config.identities);
    mock.server.control.putOrder({ body, state });
    const res = await mockRequest(mock, body);
    expect([res.status, res.json['code']]).toEqual([400, code]);
  });
});

describe('expiry (EXPIRY) on the injectable clock', () => {
  test('a CREATED order is still CREATED after exactly one hour and EXPIRED after more', async () => {
    const body = validBody(mock.config.identities, { need_user_confirm: true, time_range: { start_time: 'OnAccept' } });
    const created = await mockRequest(mock, body);
    const ref = { orderId: String(created.json['order_id']) };
    mock.server.clock.advance(60 * 60 * 1000);
    expect(mock.server.control.getOrder(ref)?.['state']).toBe('CREATED');
    mock.server.clock.advance(1);
    expect(mock.server.control.getOrder(ref)?.['state']).toBe('EXPIRED');
    const replay = await mockRequest(mock, body);
    expect([replay.status, replay.json['code']]).toEqual([400, 'INVALID_ORDER_STATE']);
  });
  test('a sweep expires due orders without a read', () => {
    const body = validBody(mock.config.identities, { need_user_confirm: true, time_range: { start_time: 'OnAccept' } });
    const view = mock.server.control.putOrder({ body, state: 'CREATED' });
    mock.server.control.advanceClock(60 * 60 * 1000 + 1);
    expect(mock.server.store.getByOrderId(String(view['order_id']))?.state).toBe('EXPIRED');
  });
});
