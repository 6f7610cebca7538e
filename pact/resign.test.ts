import { generateKeyPairSync } from 'node:crypto';
import { verifyRequestSignature } from '../apiv3';
import { ENDPOINT_PATH } from '../specification';
import type { Provider } from './provider';
import { replaySession } from './replaySession';
import { resigningRequestFilter, type ProxiedRequest } from './resign';

// The request filter makes a replayed request the provider's own: a signature over exactly the bytes
// pact-js's proxy forwards (whatever the pact recorded), or, under the bad-signature state, one that
// does not verify; a request no state prepared meets a reset store first.

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const provider: Provider = {
  baseUrl: 'http://127.0.0.1:1',
  mchid: '1900009191',
  merchantSerialNo: 'ABC123',
  merchantPrivateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  platformSerial: 'PUB_KEY_ID_0119000091912099123100000000000001',
  identities: { service_id: 'S-provider', appid: 'wx-provider', sub_mchid: '1', channel_id: '2' },
  label: 'test',
};

function filtered(body: unknown, options: { rewriteIds: boolean }, badSignature = false, prepared = true) {
  const session = replaySession();
  if (badSignature) session.markBadSignature();
  if (prepared) session.markPrepared();
  const resets: number[] = [];
  const req: ProxiedRequest = {
    method: 'POST',
    url: ENDPOINT_PATH,
    headers: { authorization: 'WECHATPAY2-SHA256-RSA2048 mchid="1",signature="stale"', 'wechatpay-serial': 'OLD' },
    body,
  };
  let called = 0;
  const done = new Promise<void>((resolve) =>
    resigningRequestFilter(provider, session, {
      ...options,
      resetUnprepared: async () => {
        resets.push(1);
      },
    })(req, undefined, () => {
      called += 1;
      resolve();
    }),
  );
  return { req, resets, done, called: () => called };
}

const verifies = (req: ProxiedRequest, bytes: Buffer) =>
  verifyRequestSignature({
    method: 'POST',
    pathWithQuery: ENDPOINT_PATH,
    body: bytes,
    authorization: String(req.headers['authorization']),
    merchantKey: () => publicKey,
    now: Math.floor(Date.now() / 1000),
  }).ok;

test('a JSON body: signed over JSON.stringify of it, Wechatpay-Serial the provider platform key, ids kept', async () => {
  const { req, done } = filtered({ service_id: 'S-pact', out_order_no: 'A-1' }, { rewriteIds: false });
  await done;
  expect(verifies(req, Buffer.from(JSON.stringify({ service_id: 'S-pact', out_order_no: 'A-1' })))).toBe(true);
  expect(req.headers['wechatpay-serial']).toBe(provider.platformSerial);
  expect(req.headers['content-length']).toBe(String(JSON.stringify(req.body).length));
});

test('with rewriteIds the tenant ids become the provider own before signing', async () => {
  const { req, done } = filtered({ service_id: 'S-pact', out_order_no: 'A-1' }, { rewriteIds: true });
  await done;
  expect(req.body).toEqual({ service_id: 'S-provider', out_order_no: 'A-1' });
  expect(verifies(req, Buffer.from(JSON.stringify(req.body)))).toBe(true);
});

test('raw bytes (a media type the proxy does not parse) are signed as they are', async () => {
  const raw = Buffer.from('{"out_order_no":"A-1"}  ');
  const { req, done } = filtered(raw, { rewriteIds: true });
  await done;
  expect(verifies(req, raw)).toBe(true);
});

test('under the bad-signature state the signature does not verify, and only for that request', async () => {
  const bad = filtered({ out_order_no: 'A-1' }, { rewriteIds: false }, true);
  await bad.done;
  expect(verifies(bad.req, Buffer.from(JSON.stringify(bad.req.body)))).toBe(false);
  expect(String(bad.req.headers['authorization'])).toMatch(/^WECHATPAY2-SHA256-RSA2048 /);
});

test('a request no state prepared resets the store first; a prepared one does not', async () => {
  const unprepared = filtered({ out_order_no: 'A-1' }, { rewriteIds: false }, false, false);
  await unprepared.done;
  expect(unprepared.resets).toEqual([1]);
  const prepared = filtered({ out_order_no: 'A-1' }, { rewriteIds: false });
  await prepared.done;
  expect(prepared.resets).toEqual([]);
  expect(prepared.called()).toBe(1);
});
