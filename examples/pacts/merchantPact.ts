import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import type { MerchantClientOptions } from './merchant-client';

// What the example consumer tests share: the merchant's keys (made now, a test fixture), its order
// bodies, its Pact setup, and the drift check that keeps each committed pact file what its test writes.

/** The provider name a merchant's pact names: any name works with `pact verify`; this is ours. */
export const PROVIDER = 'payscore-acquiringbank-serviceorder';

/** The states of `payscore-conformance pact verify --help`, as a merchant writes them into its tests. */
export const STATES = {
  noOrder: 'no order exists with the out_order_no',
  sameParameters: 'an order exists that was created with the same parameters',
  badSignature: 'the request signature does not verify with the merchant key',
} as const;

/** The merchant's own tenant (its ids, not openapi.yaml's): the sandbox's mock is made with them. */
const TENANT = {
  service_id: '2002000000000558128851361561599',
  appid: 'wxd678efh567hg6799',
  sub_mchid: '1900000999',
  channel_id: '1230000999',
};

/** A no-confirm order (times in 2099, so the pact never goes stale). */
export function noConfirmOrder(outOrderNo: string): Record<string, unknown> {
  return {
    ...TENANT,
    out_order_no: outOrderNo,
    service_introduction: '某某酒店',
    post_payments: [{ name: '就餐费用', amount: 40000, description: '就餐人均100元', count: 4 }],
    risk_fund: { name: 'ESTIMATE_ORDER_COST', amount: 10000, description: '就餐的预估费用' },
    time_range: { start_time: '20991231121314', end_time: '20991231235959' },
    openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS99',
    need_user_confirm: false,
    notify_url: 'https://shop.example/payscore/notify',
  };
}

/** A confirm-mode order: the user confirms in WeChat, the order starts CREATED. */
export function confirmOrder(outOrderNo: string): Record<string, unknown> {
  return {
    ...TENANT,
    out_order_no: outOrderNo,
    service_introduction: '共享充电宝',
    risk_fund: { name: 'DEPOSIT', amount: 9900 },
    time_range: { start_time: 'OnAccept' },
    need_user_confirm: true,
    notify_url: 'https://shop.example/payscore/notify',
  };
}

const { regex } = MatchersV3;

/**
 * The request headers the merchant client sends, each one openapi.yaml requires recorded (a pact that
 * leaves one out fails the openapi stage); Authorization by shape, as it changes with every request.
 */
export const REQUEST_HEADERS = {
  Authorization: regex(
    '^WECHATPAY2-SHA256-RSA2048 ((mchid|nonce_str|signature|timestamp|serial_no)="[^"]*",?){5}$',
    'WECHATPAY2-SHA256-RSA2048 mchid="1230000999",nonce_str="0F1E2D3C4B5A69788796A5B4C3D2E1F0",timestamp="4102444800",serial_no="5157F09EFDC096DE15EBE81A47057A7232F1B8E1",signature="cGxhY2Vob2xkZXI="',
  ),
  Accept: regex('^application/json.*$', 'application/json'),
  'Content-Type': regex('^application/json.*$', 'application/json'),
};

/** The merchant client's settings against a Pact mock server; a fresh key, signatures are matched by shape. */
export function merchantOptions(baseUrl: string): MerchantClientOptions {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    baseUrl,
    mchid: '1230000999',
    serialNo: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    privateKey,
    platformSerial: 'PUB_KEY_ID_0112300009992099123100000000000001',
  };
}

/**
 * A PactV4 for one consumer writing into `dir`, and a drift check: `written()` is true when the file
 * the run wrote equals the committed one (the test fails otherwise, so a changed pact gets committed).
 */
export function merchantPact(consumer: string, dir: string): { pact: PactV4; file: string; drifted(): boolean } {
  const file = join(dir, `${consumer}-${PROVIDER}.json`);
  const committed = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  // Pact merges into an existing file: start from nothing, so a removed interaction cannot linger.
  rmSync(file, { force: true });
  const pact = new PactV4({
    consumer,
    provider: PROVIDER,
    dir,
    spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
    host: '127.0.0.1',
    logLevel: 'error',
  });
  return { pact, file, drifted: () => readFileSync(file, 'utf8') !== committed };
}
