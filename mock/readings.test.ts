import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatChinaTime, isRuleId } from '../specification';
import { formatAuthorization, newNonce, signRequest } from '../apiv3';
import { ENDPOINT_PATH } from '../specification';
import { generateKeyMaterial, readingCatalogue, type FreshMock, type ReadingName } from './index';
import {
  expectStatus,
  mockRequest,
  validBody,
  withListeningMock,
  type KeyMaterial,
  type MockResponse,
} from './testing';
import { swapCase } from './testing/blindSpotProbes';

// Each reading must change what the mock does (a reading that changes nothing would make the
// fairness self-test pass for nothing), and nothing else: each probe is false on the reference mock.

let material: KeyMaterial;
beforeAll(() => {
  material = generateKeyMaterial();
});

const body = (m: FreshMock, o: Record<string, unknown> = {}) => validBody(m.config.identities, o);
const code = (res: MockResponse): unknown => res.json['code'];
const day = (offsetDays: number) => formatChinaTime(Date.now() + offsetDays * 86_400_000, 'day');
const replayPair = async (m: FreshMock, b: Record<string, unknown>, second: string | Buffer = JSON.stringify(b)) =>
  [await mockRequest(m, b), await mockRequest(m, second)] as const;
const paramError = (m: FreshMock, o: Record<string, unknown>) =>
  mockRequest(m, body(m, o)).then((r) => r.status === 400);

const PROBES: Record<ReadingName, (m: FreshMock) => Promise<boolean>> = {
  'identities-before-fields': async (m) => (await mockRequest(m, body(m, { appid: 'w'.repeat(33) }))).status === 403,
  'headers-before-authentication': async (m) =>
    code(await mockRequest(m, body(m), { authorization: undefined, headers: { Accept: 'text/html' } })) ===
    'INVALID_REQUEST',
  'route-errors-invalid-request': async (m) =>
    code(await mockRequest(m, body(m), { method: 'PUT' })) === 'INVALID_REQUEST',
  'wrong-method-not-found': async (m) => (await mockRequest(m, body(m), { method: 'PUT' })).status === 404,
  'bare-route-answers': async (m) =>
    (await mockRequest(m, body(m), { path: '/nope' })).headers['wechatpay-signature'] === undefined,
  'oversized-413': async (m) => (await mockRequest(m, body(m, { attach: 'a'.repeat(1_100_000) }))).status === 413,
  'exact-media-types': async (m) => (await mockRequest(m, body(m), { headers: { Accept: '*/*' } })).status === 400,
  'wide-timestamp-window': async (m) =>
    (await mockRequest(m, body(m), { timestamp: Math.floor(Date.now() / 1000) - 600 })).status === 200,
  'no-nonce-replay-check': async (m) => {
    const nonce = newNonce();
    await mockRequest(m, body(m), { nonce });
    return (await mockRequest(m, body(m), { nonce })).status === 200;
  },
  'unknown-mchid-forbidden': async (m) => (await mockRequest(m, body(m), { mchid: '1999999999' })).status === 403,
  'null-as-absent': async (m) => (await mockRequest(m, body(m, { attach: null }))).status === 200,
  'unknown-fields-refused': (m) => paramError(m, { extra_field: 1 }),
  'empty-arrays-refused': (m) => paramError(m, { post_payments: [] }),
  'refuse-discount-amount': (m) => paramError(m, { post_discounts: [{ name: 'd', description: 'd', amount: 0 }] }),
  'confirm-mode-refuses-user-ids': (m) => paramError(m, { need_user_confirm: true }),
  'onaccept-needs-confirm': (m) => paramError(m, { time_range: { start_time: 'OnAccept' } }),
  'calendar-lenient': async (m) =>
    (await mockRequest(m, body(m, { time_range: { start_time: `${Number(day(0).slice(0, 4)) + 1}0230` } }))).status ===
    200,
  'now-edges-strict': (m) => paramError(m, { time_range: { start_time: day(0), end_time: day(1) } }),
  'empty-discounts-present': async (m) =>
    (
      await mockRequest(
        m,
        body(m, { post_payments: [{ name: 'x', amount: m.config.riskFundCap + 1 }], post_discounts: [] }),
      )
    ).status === 200,
  'payment-cap-with-discounts': (m) =>
    paramError(m, {
      post_payments: [{ name: 'x', amount: m.config.riskFundCap + 1 }],
      post_discounts: [{ name: 'd', description: 'd' }],
    }),
  'replay-byte-exact': async (m) => {
    const b = body(m);
    const [, again] = await replayPair(m, b, JSON.stringify(b, null, 2));
    return again.status === 400;
  },
  'fresh-package-on-replay': async (m) => {
    const [a, b] = await replayPair(m, body(m, { need_user_confirm: true }));
    return a.json['package'] !== b.json['package'];
  },
  'prefixed-order-id': async (m) => !/^\d+$/.test(String((await mockRequest(m, body(m))).json['order_id'])),
  'default-count-filled': async (m) =>
    (
      (await mockRequest(m, body(m, { post_payments: [{ name: 'x', amount: 1 }] }))).json['post_payments'] as Array<{
        count?: number;
      }>
    )[0]?.count === 1,
  'extra-response-fields': async (m) =>
    Object.keys((await mockRequest(m, body(m))).json).some(
      (k) => !['mchid', 'order_id', 'state', 'state_description', 'package'].includes(k) && !(k in body(m)),
    ),
  'error-without-detail': async (m) =>
    (await mockRequest(m, body(m, { out_order_no: '!' }))).json['detail'] === undefined,
  'wechat-error-details': async (m) =>
    (await mockRequest(m, body(m, { out_order_no: '!' }))).json['detail'] !== undefined &&
    ((await mockRequest(m, body(m, { out_order_no: '!' }))).json['detail'] as Record<string, unknown>)['field'] ===
      undefined,
  'chinese-messages': async (m) =>
    /[\u4e00-\u9fff]/.test(String((await mockRequest(m, body(m, { out_order_no: '!' }))).json['message'])),
  // The limit counts per calendar second: a burst of 45 may straddle two seconds (or a loaded machine may
  // spread it), so up to five bursts are sent; the first 429 with Retry-After: 1 settles it.
  'throttle-by-rate': async (m) => {
    for (let burst = 0; burst < 5; burst++) {
      const answers = await Promise.all(
        Array.from({ length: 45 }, () => mockRequest(m, body(m, { out_order_no: newNonce() }))),
      );
      if (answers.some((r) => r.status === 429 && code(r) === 'FREQUENCY_LIMITED' && r.headers['retry-after'] === '1'))
        return true;
    }
    return false;
  },
  'throttle-in-flight-duplicates': async (m) => {
    const b = body(m);
    const answers = await Promise.all([mockRequest(m, b), mockRequest(m, b)]);
    return answers.some((r) => r.status === 429 && code(r) === 'FREQUENCY_LIMITED');
  },
  'swapped-cross-field-codes': async (m) =>
    code(
      await mockRequest(
        m,
        body(m, { sub_openid: m.config.identities.sub_openid, sub_appid: m.config.identities.sub_appid }),
      ),
    ) === 'INVALID_REQUEST',
  'null-for-absent-fields': async (m) => (await mockRequest(m, body(m))).json['package'] === null,
  'empty-for-absent-fields': async (m) => (await mockRequest(m, body(m))).json['package'] === '',
  'omit-empty-fields': async (m) => !('attach' in (await mockRequest(m, body(m, { attach: '' }))).json),
  'case-insensitive-out-order-no': async (m) => {
    const b = body(m);
    await mockRequest(m, b);
    return (await mockRequest(m, { ...b, out_order_no: swapCase(String(b['out_order_no'])) })).status === 400;
  },
};

const probe = (name: ReadingName, readings: ReadingName[]): Promise<boolean> =>
  withListeningMock({ material, readings }, PROBES[name]);

describe('the reading catalogue', () => {
  test('each reading names the rules whose room it uses', () => {
    for (const reading of readingCatalogue()) {
      expect(reading.rules.length).toBeGreaterThan(0);
      for (const id of reading.rules) expect(isRuleId(id)).toBe(true);
    }
  });

  test('docs/auditors.md lists every reading with the rules it touches, and no other', () => {
    const rows = readFileSync(join(__dirname, '..', 'docs', 'auditors.md'), 'utf8')
      .split('\n')
      .filter((l) => /^\| `[a-z0-9-]+` — /.test(l));
    const listed = rows.map((l) => /^\| `([a-z0-9-]+)` — .* \| (.*) \|$/.exec(l)).map((m) => [m?.[1], m?.[2]]);
    expect(listed).toEqual(readingCatalogue().map((r) => [r.name, r.rules.join(', ')]));
  });

  test.each(readingCatalogue().map((r) => [r.name] as const))(
    '%s changes the mock only when switched on',
    async (name) => {
      expect(await probe(name, [])).toBe(false);
      expect(await probe(name, [name])).toBe(true);
    },
  );

  test('a request signed with the parameters in another order is still verified under every reading', async () => {
    await withListeningMock({ material, readings: readingCatalogue().map((r) => r.name) }, async (mock) => {
      const b = body(mock);
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
      const res = await mockRequest(mock, b, {
        authorization: formatAuthorization(signed.params, {
          order: ['signature', 'mchid', 'timestamp', 'serial_no', 'nonce_str'],
        }),
      });
      expectStatus(res, 200);
    });
  });
});
