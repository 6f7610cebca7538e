import type { FreshMock } from './index';
import { createMockWithFreshKeys, validBody } from './testing';

// A widely used third-party APIv3 client: it signs requests and rejects answers whose
// Wechatpay-* signature does not verify, so a 200 here proves both directions interoperate.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Wechatpay } = require('wechatpay-axios-plugin') as {
  Wechatpay: new (config: Record<string, unknown>) => unknown;
};

type Chain = {
  post(data: unknown): Promise<{ status: number; data: Record<string, unknown>; headers: Record<string, string> }>;
};

let mock: FreshMock;
beforeAll(async () => {
  mock = createMockWithFreshKeys();
  await mock.listen();
});
afterAll(() => mock.server.stop());

function client(m: FreshMock, platformPublicKey: string): Chain {
  const wxpay = new Wechatpay({
    mchid: m.config.mchid,
    serial: m.keys.merchantSerialNo,
    privateKey: m.keys.merchantPrivateKey,
    certs: { [m.keys.platformSerial]: platformPublicKey },
    baseURL: `${m.profile.baseUrl}/`,
  }) as { v3: { payscore: { acquiringbank: { serviceorder: Chain } } } };
  return wxpay.v3.payscore.acquiringbank.serviceorder;
}

describe('wechatpay-axios-plugin 0.9.6 against the listening mock', () => {
  test('creates an order and accepts the signed answer', async () => {
    const body = validBody(mock.config.identities);
    const res = await client(mock, mock.keys.platformPublicKey).post(body);
    expect(res.status).toBe(200);
    expect(res.data['out_order_no']).toBe(body['out_order_no']);
    expect(res.data['mchid']).toBe(mock.config.mchid);
    expect(res.data['state']).toBe('DOING');
  });

  test('rejects the answer when it holds the wrong platform key (the answer really is verified)', async () => {
    const other = createMockWithFreshKeys();
    await expect(client(mock, other.keys.platformPublicKey).post(validBody(mock.config.identities))).rejects.toThrow();
    other.server.close();
  });
});
