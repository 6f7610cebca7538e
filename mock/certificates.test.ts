// GET /v3/certificates (facts §11): certificate-mode SDKs download the platform certificates before their first
// create. Proven two ways: our own decrypt written from the facts (node:crypto, nothing of the mock), and an
// unmodified downloader from the npm registry (wechatpay-node-v3, at WeChat's host through the sandbox proxy)
// whose key then verifies a created order. Public-key mode answers WeChat's 404 (DECISION in openapi.yaml).
import { execFile } from 'node:child_process';
import { createDecipheriv, X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { newNonce, signRequest, verifyResponseSignature } from '../apiv3';
import { CERTIFICATES_PATH } from '../specification';
import { startStandaloneMock, type StandaloneMock } from './standalone';
import { tempDirs, validBody } from './testing';

const run = promisify(execFile);
const dirs = tempDirs('payscore-certificates-');
// The children see no proxy or CA of the machine: only what the test gives them.
const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/proxy|NODE_EXTRA_CA_CERTS|NODE_OPTIONS/i.test(k)),
);
// Unmodified SDK code: fetchCertificates() GETs https://api.mch.weixin.qq.com/v3/certificates and decrypts them.
const FETCH_SCRIPT = `const { readFileSync } = require('node:fs');
const WxPay = require('wechatpay-node-v3');
const [keyPath, pubPath] = process.argv.slice(2);
const pay = new WxPay({ appid: 'wx0', mchid: process.env.MCHID, serial_no: process.env.SERIAL, publicKey: readFileSync(pubPath), privateKey: readFileSync(keyPath) });
pay.fetchCertificates(process.env.APIV3_KEY).then(() => console.log(JSON.stringify(WxPay.certificates)));`;

interface Started {
  mock: StandaloneMock;
  dir: string;
  file(name: string): string;
}

async function start(keyMode: 'certificate' | 'public-key'): Promise<Started> {
  const dir = dirs.fresh();
  const mock = await startStandaloneMock({ dataDir: dir, port: 0, keyMode, proxyPort: 0 });
  return { mock, dir, file: (name) => readFileSync(join(dir, name), 'utf8') };
}

/** A GET signed as facts §5 says (an empty BODY line); the answer and whether its signature verifies. */
async function signedGet(s: Started, method = 'GET', sign = true) {
  const { profile } = s.mock;
  const timestamp = Math.floor(Date.now() / 1000);
  const signed = signRequest({
    method,
    pathWithQuery: CERTIFICATES_PATH,
    timestamp,
    nonce: newNonce(),
    body: '',
    mchid: profile.mchid,
    serialNo: profile.merchant.serialNo,
    privateKey: s.file('merchant_key.pem'),
  });
  const res = await fetch(`${s.mock.url}${CERTIFICATES_PATH}`, {
    method,
    headers: { Accept: 'application/json', ...(sign ? { Authorization: signed.authorization } : {}) },
  });
  const body = await res.text();
  const headers = Object.fromEntries(res.headers);
  const verified = verifyResponseSignature({
    headers,
    body,
    platformKey: (serial) => (serial === profile.platform.serial ? platformPublicKey(s) : undefined),
    now: timestamp,
  });
  return { status: res.status, headers, json: JSON.parse(body) as Record<string, unknown>, verified };
}

const platformPublicKey = (s: Started): string =>
  'certificatePath' in s.mock.profile.platform
    ? new X509Certificate(s.file('platform_cert.pem')).publicKey.export({ type: 'spki', format: 'pem' }).toString()
    : s.file('platform_pub.pem');

afterAll(() => dirs.removeAll());

type PluginClient = {
  v3: {
    payscore: {
      acquiringbank: {
        serviceorder: { post(body: unknown): Promise<{ status: number; data: Record<string, unknown> }> };
      };
    };
  };
};

describe('GET /v3/certificates in certificate mode', () => {
  let s: Started;
  beforeAll(async () => {
    s = await start('certificate');
  });
  afterAll(() => s.mock.stop());

  test('lists the platform certificate, encrypted as facts §11 says; our own AES-256-GCM decrypt gives its PEM', async () => {
    const answer = await signedGet(s);
    expect([answer.status, answer.verified]).toEqual([200, { ok: true }]);
    const [entry] = answer.json['data'] as Array<Record<string, unknown>>;
    expect(entry?.['serial_no']).toBe(s.mock.profile.platform.serial);
    expect(entry?.['effective_time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(entry?.['expire_time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    const sealed = entry?.['encrypt_certificate'] as Record<string, string>;
    expect(sealed).toMatchObject({ algorithm: 'AEAD_AES_256_GCM', associated_data: 'certificate' });
    expect(sealed['nonce']).toHaveLength(12);
    const bytes = Buffer.from(sealed['ciphertext'] ?? '', 'base64');
    const key = Buffer.from(s.file(s.mock.profile.apiV3KeyPath).trim(), 'utf8');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed['nonce'] ?? '', 'utf8'));
    decipher.setAAD(Buffer.from(sealed['associated_data'] ?? '', 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const pem = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString();
    expect(pem).toBe(s.file('platform_cert.pem'));
    const cert = new X509Certificate(pem);
    expect(Date.parse(String(entry?.['expire_time']))).toBe(Date.parse(cert.validTo));
  });

  // wechatpay-axios-plugin 0.9.6's own `crt` CLI cannot download from any server: it injects the decrypted
  // certificates into the object it passed in, but its verifier holds a copy made before (decorator.js `pubs`).
  test('wechatpay-node-v3 2.2.1, unmodified, fetches them from WeChat’s host through --proxy; the key it gets verifies a created order', async () => {
    const { profile } = s.mock;
    const script = join(dirs.fresh(), 'fetchCertificates.js');
    writeFileSync(script, FETCH_SCRIPT);
    const { stdout } = await run(
      process.execPath,
      ['-r', 'global-agent/bootstrap', script, join(s.dir, 'merchant_key.pem'), join(s.dir, 'merchant_pub.pem')],
      {
        env: {
          ...CLEAN_ENV,
          GLOBAL_AGENT_HTTP_PROXY: s.mock.proxyUrl ?? '',
          NODE_EXTRA_CA_CERTS: s.mock.caPath ?? '',
          NODE_PATH: join(__dirname, '..', 'node_modules'),
          MCHID: profile.mchid,
          SERIAL: profile.merchant.serialNo,
          APIV3_KEY: s.file(profile.apiV3KeyPath).trim(),
        },
      },
    );
    const fetched = JSON.parse(stdout) as Record<string, string>;
    expect(Object.keys(fetched)).toEqual([profile.platform.serial]);
    const downloaded = fetched[profile.platform.serial] ?? '';
    expect(downloaded).toBe(platformPublicKey(s));

    // wechatpay-axios-plugin verifies every answer: a 200 here proves the downloaded key verifies the mock.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Wechatpay } = require('wechatpay-axios-plugin') as { Wechatpay: new (c: object) => PluginClient };
    const wxpay = new Wechatpay({
      mchid: profile.mchid,
      serial: profile.merchant.serialNo,
      privateKey: s.file('merchant_key.pem'),
      certs: { [profile.platform.serial]: downloaded },
      baseURL: `${s.mock.url}/`,
    });
    const body = validBody(profile.identities);
    const created = await wxpay.v3.payscore.acquiringbank.serviceorder.post(body);
    expect([created.status, created.data.out_order_no, created.data.state]).toEqual([
      200,
      body['out_order_no'],
      'DOING',
    ]);
  });

  test('an unsigned download is refused 401 SIGN_ERROR, signed', async () => {
    const answer = await signedGet(s, 'GET', false);
    expect([answer.status, answer.json['code'], answer.verified]).toEqual([401, 'SIGN_ERROR', { ok: true }]);
  });

  test('another method is 405 with Allow: GET', async () => {
    const answer = await signedGet(s, 'POST');
    expect([answer.status, answer.json['code'], answer.headers['allow']]).toEqual([405, 'METHOD_NOT_ALLOWED', 'GET']);
  });
});

describe('GET /v3/certificates in public-key mode (DECISION: no platform certificate)', () => {
  test("answers WeChat Pay's 404 RESOURCE_NOT_EXISTS, signed", async () => {
    const s = await start('public-key');
    try {
      const answer = await signedGet(s);
      expect([answer.status, answer.json['code'], answer.verified]).toEqual([404, 'RESOURCE_NOT_EXISTS', { ok: true }]);
      expect(answer.json['message']).toContain('无可用的平台证书');
    } finally {
      await s.mock.stop();
    }
  });
});
