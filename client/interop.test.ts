// Interop with a real third-party APIv3 client, wechatpay-axios-plugin 0.9.6, over 127.0.0.1:
// it signs requests our verifier accepts and verifies responses our signer produced, and the reverse.
import type { ServerResponse } from 'node:http';
import { Formatter, Rsa, Wechatpay } from 'wechatpay-axios-plugin';
import { ENDPOINT_PATH } from '../specification';
import { signResponse, verifyRequestSignature, type SignatureVerification } from '../apiv3';
import { startLocalServer, testProfile, type LocalServer, type SeenRequest, type TestProfile } from './testing';
import { createClient } from '.';

type Handler = (req: SeenRequest, res: ServerResponse) => void;
let handle: Handler;
let server: LocalServer;
let target: TestProfile;
const BODY = { service_introduction: '某某酒店', attach: '早餐 😀', risk_fund: { name: 'DEPOSIT', amount: 10000 } };

beforeAll(async () => {
  server = await startLocalServer((req, res) => handle(req, res));
  target = testProfile(server.baseUrl);
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
});

const plugin = () =>
  new Wechatpay({
    mchid: target.profile.mchid,
    serial: target.profile.merchant.serialNo,
    privateKey: target.merchantPrivatePem,
    certs: { [target.profile.platformSerial]: target.platformPublicPem },
    baseURL: server.baseUrl,
  });

/** Our side of a server: verify the request with our verifier, answer with the verdict signed by our signResponse. */
const ourServer =
  (signer: (body: string) => Record<string, string>): Handler =>
  (req, res) => {
    const verdict: SignatureVerification<unknown> = verifyRequestSignature({
      method: req.method,
      pathWithQuery: req.url,
      body: req.body,
      authorization: req.headers.authorization,
      merchantKey: () => target.profile.merchantPublicKey,
      now: Math.floor(Date.now() / 1000),
    });
    const body = JSON.stringify({
      verdict: verdict.ok ? 'ok' : verdict.reason,
      echo: JSON.parse(req.body.toString('utf8')) as unknown,
    });
    res.writeHead(200, { 'Content-Type': 'application/json', ...signer(body) }).end(body);
  };
const ourSigner = (body: string) => ({
  ...signResponse({
    body,
    privateKey: target.platformPrivateKey,
    serial: target.profile.platformSerial,
    timestamp: Math.floor(Date.now() / 1000),
  }),
});

test('the plugin signs a create-order request our verifier accepts, and verifies our signed response', async () => {
  handle = ourServer(ourSigner);
  const { data } = (await plugin().chain(ENDPOINT_PATH.slice(1)).post(BODY)) as { data: unknown };
  expect(server.seen[0]?.url).toBe(ENDPOINT_PATH);
  expect(data).toEqual({ verdict: 'ok', echo: BODY });
});

test('the plugin rejects a response signed with another key, and a probe signature', async () => {
  const stranger = testProfile(server.baseUrl);
  handle = ourServer((body) => ({
    ...signResponse({
      body,
      privateKey: stranger.platformPrivateKey,
      serial: target.profile.platformSerial,
      timestamp: Math.floor(Date.now() / 1000),
    }),
  }));
  await expect(plugin().chain(ENDPOINT_PATH.slice(1)).post(BODY)).rejects.toMatchObject({
    code: 'EV3_RES_HEADER_SIGNATURE_DIGEST',
  });
  handle = ourServer((body) => ({ ...ourSigner(body), 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/abcd' }));
  await expect(plugin().chain(ENDPOINT_PATH.slice(1)).post(BODY)).rejects.toMatchObject({
    code: 'EV3_RES_HEADER_SIGNATURE_DIGEST',
  });
});

/** The plugin's side of a server: its Formatter and Rsa verify our request and sign the answer. */
const pluginServer: Handler = (req, res) => {
  const auth = req.headers.authorization ?? '';
  const param = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(auth)?.[1] ?? '';
  const ok = Rsa.verify(
    Formatter.request(req.method, req.url, param('timestamp'), param('nonce_str'), req.body.toString('utf8')),
    param('signature'),
    target.merchantPublicPem,
  );
  const body = JSON.stringify({ verdict: ok ? 'ok' : 'bad-signature', mchid: param('mchid') });
  const timestamp = Formatter.timestamp();
  const nonce = Formatter.nonce();
  res
    .writeHead(ok ? 200 : 401, {
      'Content-Type': 'application/json',
      'Wechatpay-Timestamp': String(timestamp),
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Serial': target.profile.platformSerial,
      'Wechatpay-Signature': Rsa.sign(Formatter.response(timestamp, nonce, body), target.platformPrivatePem),
    })
    .end(body);
};

test('our client signs a request the plugin verifies, and verifies the plugin-signed response', async () => {
  handle = pluginServer;
  const client = createClient(target.profile);
  const exchange = await client.createOrder(BODY);
  const tampered = await client.send({
    body: JSON.stringify(BODY),
    sign: { tamperBodyAfterSigning: JSON.stringify({ ...BODY, attach: 'x' }) },
  });
  client.close();
  expect(exchange.response).toMatchObject({ status: 200, json: { verdict: 'ok', mchid: target.profile.mchid } });
  expect(exchange.signature).toEqual({ ok: true });
  expect(tampered.response).toMatchObject({ status: 401, json: { verdict: 'bad-signature' } });
  expect(tampered.signature).toEqual({ ok: true });
});
