import { formatAuthorization, newNonce, signRequest } from '../apiv3';
import { ENDPOINT_PATH, isRuleId } from '../specification';
import { faultCatalogue, generateKeyMaterial, type FaultName, type FreshMock } from './index';
import {
  createMockWithFreshKeys,
  mockRequest,
  validBody,
  withListeningMock,
  type KeyMaterial,
  type MockResponse,
} from './testing';
import { BLIND_SPOT_PROBES } from './testing/blindSpotProbes';

let material: KeyMaterial;
beforeAll(() => {
  material = generateKeyMaterial();
});

const body = (m: FreshMock, o: Record<string, unknown> = {}) => validBody(m.config.identities, o);
const now = () => Math.floor(Date.now() / 1000);
const isCode = (res: MockResponse, status: number, code: string) => res.status === status && res.json['code'] === code;

/** Per fault: a probe that is true when the mock shows the defect (each is false on a correct mock). */
const PROBES: Record<FaultName, (m: FreshMock) => Promise<boolean>> = {
  ...BLIND_SPOT_PROBES,
  'accept-long-out-order-no': async (m) =>
    (await mockRequest(m, body(m, { out_order_no: 'A'.repeat(33) }))).status === 200,
  'accept-both-openids': async (m) =>
    (
      await mockRequest(
        m,
        body(m, { sub_openid: m.config.identities.sub_openid, sub_appid: m.config.identities.sub_appid }),
      )
    ).status === 200,
  'ignore-risk-cap': async (m) =>
    (await mockRequest(m, body(m, { risk_fund: { name: 'DEPOSIT', amount: m.config.riskFundCap + 1 } }))).status ===
    200,
  'skip-identity-check': async (m) => (await mockRequest(m, body(m, { appid: 'wx0000000000000000' }))).status === 200,
  'skip-signature-check': async (m) => {
    const signature = Buffer.alloc(256, 1).toString('base64');
    const authorization = formatAuthorization({
      mchid: m.config.mchid,
      nonce_str: newNonce(),
      timestamp: String(now()),
      serial_no: m.keys.merchantSerialNo,
      signature,
    });
    return (await mockRequest(m, body(m), { authorization })).status === 200;
  },
  'accept-stale-timestamp': async (m) => (await mockRequest(m, body(m), { timestamp: now() - 3600 })).status === 200,
  'accept-replayed-nonce': async (m) => {
    const nonce = newNonce();
    await mockRequest(m, body(m), { nonce });
    return (await mockRequest(m, body(m), { nonce })).status === 200;
  },
  'accept-missing-accept': async (m) =>
    (await mockRequest(m, body(m), { headers: { Accept: undefined } })).status === 200,
  'new-order-id-on-replay': async (m) => {
    const b = body(m);
    const [a, c] = [await mockRequest(m, b), await mockRequest(m, b)];
    return a.json['order_id'] !== c.json['order_id'];
  },
  'conflict-accepted': async (m) => {
    const b = body(m);
    await mockRequest(m, b);
    return (await mockRequest(m, { ...b, attach: 'changed' })).status === 200;
  },
  'confirm-mode-doing': async (m) =>
    (await mockRequest(m, body(m, { need_user_confirm: true }))).json['state'] === 'DOING',
  'no-confirm-created': async (m) => (await mockRequest(m, body(m))).json['state'] === 'CREATED',
  'wrong-mchid-echo': async (m) => (await mockRequest(m, body(m))).json['mchid'] !== m.config.mchid,
  'echo-drift': async (m) => {
    const b = body(m);
    return (await mockRequest(m, b)).json['service_introduction'] !== b['service_introduction'];
  },
  'unsigned-answers': async (m) => (await mockRequest(m, body(m))).signature.reason === 'missing',
  'bad-signature': async (m) => (await mockRequest(m, body(m))).signature.reason === 'bad-signature',
  'probe-signature': async (m) => (await mockRequest(m, body(m))).signature.reason === 'probe',
  'stale-response-timestamp': async (m) => (await mockRequest(m, body(m))).signature.reason === 'stale',
  'no-request-id': async (m) => (await mockRequest(m, body(m))).headers['request-id'] === undefined,
  'text-content-type': async (m) => (await mockRequest(m, body(m))).headers['content-type'] !== 'application/json',
  'missing-error-detail': async (m) => {
    const res = await mockRequest(m, body(m, { out_order_no: '!' }));
    return isCode(res, 400, 'PARAM_ERROR') && res.json['detail'] === undefined;
  },
  'system-error': async (m) => isCode(await mockRequest(m, body(m)), 500, 'SYSTEM_ERROR'),
  'rate-limit-all': async (m) => isCode(await mockRequest(m, body(m)), 429, 'FREQUENCY_LIMITED'),
  'slow-answers': async (m) => {
    const started = Date.now();
    await mockRequest(m, body(m));
    return Date.now() - started >= 200;
  },
  'risk-cap-exclusive': async (m) =>
    (await mockRequest(m, body(m, { risk_fund: { name: 'DEPOSIT', amount: m.config.riskFundCap } }))).status !== 200,
  'verified-header-cache': async (m) => {
    const b = body(m);
    const signed = signRequest({
      method: 'POST',
      pathWithQuery: ENDPOINT_PATH,
      body: JSON.stringify(b),
      mchid: m.config.mchid,
      serialNo: m.keys.merchantSerialNo,
      privateKey: m.keys.merchantPrivateKey,
      timestamp: now(),
      nonce: newNonce(),
    });
    await mockRequest(m, b, { authorization: signed.authorization });
    return (await mockRequest(m, body(m), { authorization: signed.authorization })).status === 200;
  },
  'signature-over-reserialized-body': async (m) =>
    (await mockRequest(m, JSON.stringify(body(m), null, 1))).status !== 200,
  'strict-authorization-format': async (m) => {
    const b = body(m);
    const signed = signRequest({
      method: 'POST',
      pathWithQuery: ENDPOINT_PATH,
      body: JSON.stringify(b),
      mchid: m.config.mchid,
      serialNo: m.keys.merchantSerialNo,
      privateKey: m.keys.merchantPrivateKey,
      timestamp: now(),
      nonce: newNonce(),
    });
    return (
      (
        await mockRequest(m, b, {
          authorization: formatAuthorization(signed.params, {
            order: ['signature', 'timestamp', 'serial_no', 'nonce_str', 'mchid'],
          }),
        })
      ).status !== 200
    );
  },
  'ignore-mchid': async (m) => (await mockRequest(m, body(m), { mchid: '1999999999' })).status === 200,
  'racy-idempotency': async (m) => {
    const b = body(m);
    const answers = await Promise.all([mockRequest(m, b), mockRequest(m, b)]);
    return new Set(answers.map((a) => a.json['order_id'])).size > 1;
  },
  'conflict-overwrites': async (m) => {
    const b = body(m);
    await mockRequest(m, b);
    await mockRequest(m, { ...b, attach: 'changed' });
    return (await mockRequest(m, b)).status !== 200;
  },
  'shallow-conflict-check': async (m) => {
    const b = body(m);
    await mockRequest(m, b);
    return (
      (await mockRequest(m, { ...b, risk_fund: { ...(b['risk_fund'] as object), description: 'changed' } })).status ===
      200
    );
  },
  'replay-without-package': async (m) => {
    const b = body(m, { need_user_confirm: true });
    await mockRequest(m, b);
    return (await mockRequest(m, b)).json['package'] === undefined;
  },
  'never-expire': async (m) => {
    const view = m.server.control.putOrder({ body: body(m, { need_user_confirm: true }), state: 'CREATED' });
    m.server.clock.advance(2 * 60 * 60 * 1000);
    return m.server.control.getOrder({ orderId: String(view['order_id']) })?.['state'] === 'CREATED';
  },
};

const probe = (name: FaultName, faults: FaultName[]): Promise<boolean> =>
  withListeningMock({ material, faults, slowAnswerMs: 250 }, PROBES[name]);

describe('the fault catalogue', () => {
  test('each fault names one rule of openapi.yaml and a description', () => {
    for (const fault of faultCatalogue()) {
      expect(isRuleId(fault.ruleId)).toBe(true);
      expect(fault.description.length).toBeGreaterThan(10);
    }
  });

  test.each(faultCatalogue().map((f) => [f.name, f.ruleId] as const))(
    '%s breaks %s only when switched on',
    async (name) => {
      expect(await probe(name, [])).toBe(false);
      expect(await probe(name, [name])).toBe(true);
    },
  );

  test('with a fault on, an unrelated valid create still succeeds', async () => {
    const mock = createMockWithFreshKeys({ material, faults: ['accept-long-out-order-no', 'ignore-risk-cap'] });
    await mock.listen();
    try {
      const res = await mockRequest(mock, validBody(mock.config.identities));
      expect([res.status, res.signature.ok]).toEqual([200, true]);
    } finally {
      await mock.server.stop();
    }
  });
});

describe('rate limit (RATE-LIMIT)', () => {
  test('--rate-limit N answers 429 FREQUENCY_LIMITED beyond N per second per mchid', async () => {
    const mock = createMockWithFreshKeys({ material, rateLimit: 3, wallClock: () => 1_700_000_000_500 });
    await mock.listen();
    try {
      const at = 1_700_000_000;
      const results = [];
      for (let i = 0; i < 5; i++)
        results.push((await mockRequest(mock, validBody(mock.config.identities), { timestamp: at })).status);
      expect(results).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await mock.server.stop();
    }
  });
});
