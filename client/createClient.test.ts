// The client against a tiny node:http server on 127.0.0.1: what goes on the wire, what is recorded,
// deliberate rule-breaking through send(), transport failures as data, and bounded retries.
import type { ServerResponse } from 'node:http';
import { ENDPOINT_PATH } from '../specification';
import { signResponse, verifyRequestSignature } from '../apiv3';
import { startLocalServer, testProfile, type LocalServer, type SeenRequest, type TestProfile } from './testing';
import { createClient } from '.';

type Reply = (req: SeenRequest, res: ServerResponse) => void;
let reply: Reply;
let server: LocalServer;
let target: TestProfile;

/** Answers with a JSON body signed by the platform key, as WeChat Pay does. */
const signedJson =
  (status: number, body: string, tamper?: string): Reply =>
  (_req, res) => {
    const headers = signResponse({
      body,
      privateKey: target.platformPrivateKey,
      serial: target.profile.platformSerial,
      timestamp: Math.floor(Date.now() / 1000),
    });
    res
      .writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Request-ID': 'req-1' })
      .end(tamper ?? body);
  };

beforeAll(async () => {
  server = await startLocalServer((req, res) => reply(req, res));
  target = testProfile(server.baseUrl);
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
  reply = signedJson(200, '{"state":"DOING"}');
});

const merchantVerdict = (req: SeenRequest, now = Math.floor(Date.now() / 1000)) =>
  verifyRequestSignature({
    method: req.method,
    pathWithQuery: req.url,
    body: req.body,
    authorization: req.headers.authorization,
    now,
    merchantKey: () => target.profile.merchantPublicKey,
  });

test('createOrder POSTs the JSON to the endpoint with a valid signature and the default headers', async () => {
  const client = createClient(target.profile);
  const body = { out_order_no: 'A1', service_introduction: '某某酒店 😀' };
  const exchange = await client.createOrder(body);
  client.close();
  const seen = server.seen[0];
  expect(seen).toMatchObject({ method: 'POST', url: ENDPOINT_PATH });
  expect(seen?.body.toString('utf8')).toBe(JSON.stringify(body));
  expect(seen?.headers).toMatchObject({
    accept: 'application/json',
    'content-type': 'application/json',
    'wechatpay-serial': target.profile.platformSerial,
  });
  expect(seen?.headers['user-agent']).toMatch(/^payscore-conformance\/\d+\.\d+\.\d+/);
  expect(seen && merchantVerdict(seen)).toMatchObject({
    ok: true,
    params: { mchid: target.profile.mchid, serial_no: target.profile.merchant.serialNo },
  });
  expect(exchange.request.signedMessage).toBe(
    `POST\n${ENDPOINT_PATH}\n${exchange.request.headers['Authorization']?.match(/timestamp="(\d+)"/)?.[1]}\n${exchange.request.headers['Authorization']?.match(/nonce_str="(\w+)"/)?.[1]}\n${JSON.stringify(body)}\n`,
  );
  expect(exchange.attempts).toBe(1);
});

test('each request gets a fresh nonce and the timestamp of the injected clock', async () => {
  let n = 0;
  const client = createClient(target.profile, { clock: () => 1_700_000_123_999, nonce: () => `NONCE${++n}` });
  await client.createOrder({});
  await client.createOrder({});
  client.close();
  const auth = server.seen.map((s) => s.headers.authorization ?? '');
  expect(auth[0]).toContain('nonce_str="NONCE1"');
  expect(auth[1]).toContain('nonce_str="NONCE2"');
  expect(auth.every((a) => a.includes('timestamp="1700000123"'))).toBe(true);
});

test('the exchange records the raw response, lower-cased headers, parsed JSON and the signature verdict', async () => {
  const client = createClient(target.profile);
  const exchange = await client.send({ body: '{}' });
  expect(exchange.response).toMatchObject({ status: 200, json: { state: 'DOING' } });
  expect(exchange.response?.body.toString()).toBe('{"state":"DOING"}');
  expect(exchange.response?.headers['request-id']).toBe('req-1');
  expect(exchange.signature).toEqual({ ok: true });
  expect(exchange.durationMs).toBeGreaterThan(0);
  reply = signedJson(200, '{"state":"DOING"}', '{"state":"DONE"}');
  const tampered = await client.send({ body: '{}' });
  expect(tampered.signature).toMatchObject({
    ok: false,
    reason: 'bad-signature',
    expectedMessage: expect.stringMatching(/\n\{"state":"DONE"\}\n$/) as unknown,
  });
  reply = (_req, res) => {
    res.writeHead(500, { 'Content-Type': 'text/plain' }).end('oops');
  };
  const unsigned = await client.send({ body: '{}' });
  client.close();
  expect(unsigned.response).toMatchObject({ status: 500 });
  expect(unsigned.response?.json).toBeUndefined();
  expect(unsigned.signature).toMatchObject({ ok: false, reason: 'missing' });
});

test('send() sends the exact bytes, replaces or removes default headers, and can skip signing', async () => {
  const client = createClient(target.profile);
  const bytes = Buffer.from('{"a":"中文 🚲"}\r\n', 'utf8');
  const exchange = await client.send({
    method: 'POST',
    path: `${ENDPOINT_PATH}?x=1`,
    body: bytes,
    headers: { accept: 'text/html', 'Wechatpay-Serial': null },
    sign: false,
  });
  client.close();
  const seen = server.seen[0];
  expect(seen?.body.equals(bytes)).toBe(true);
  expect(exchange.request.body.equals(bytes)).toBe(true);
  expect(seen?.url).toBe(`${ENDPOINT_PATH}?x=1`);
  expect(seen?.headers.accept).toBe('text/html');
  expect(seen?.headers['wechatpay-serial']).toBeUndefined();
  expect(seen?.headers.authorization).toBeUndefined();
  expect(exchange.request.headers).not.toHaveProperty('Wechatpay-Serial');
});

test('sign overrides break exactly one thing: stale timestamp, probe signature, body tampered after signing', async () => {
  const client = createClient(target.profile);
  const now = Math.floor(Date.now() / 1000);
  await client.send({ body: '{}', sign: { timestamp: now - 301 } });
  await client.send({ body: '{}', sign: { signatureOverride: 'WECHATPAY/SIGNTEST/abc' } });
  const tampered = await client.send({ body: '{"amount":1}', sign: { tamperBodyAfterSigning: '{"amount":2}' } });
  await client.send({ body: '{}', sign: { mchid: '1900000000' } });
  client.close();
  expect(server.seen.map((s) => merchantVerdict(s, now).reason)).toEqual([
    'stale',
    'probe',
    'bad-signature',
    undefined,
  ]);
  expect(server.seen[3]?.headers.authorization).toContain('mchid="1900000000"');
  expect(server.seen[2]?.body.toString()).toBe('{"amount":2}');
  expect(tampered.request.signedMessage).toContain('{"amount":1}');
});

test('connection refused and timeouts become transportError, never a rejection', async () => {
  const dead = await startLocalServer(() => undefined);
  const deadTarget = testProfile(dead.baseUrl);
  await dead.close();
  const refused = await createClient(deadTarget.profile).send({ body: '{}' });
  expect(refused.transportError).toMatchObject({
    kind: 'connection',
    message: expect.stringContaining('ECONNREFUSED') as unknown,
  });
  expect(refused.response).toBeUndefined();
  expect(refused.curl).toContain(dead.baseUrl);
  reply = () => undefined; // never answers
  const client = createClient(target.profile, { timeoutMs: 100 });
  const slow = await client.send({ body: '{}' });
  client.close();
  expect(slow.transportError).toMatchObject({ kind: 'timeout' });
  expect(slow.durationMs).toBeGreaterThanOrEqual(90);
});

test('a header node refuses to send is a transportError of kind other', async () => {
  const exchange = await createClient(target.profile).send({ headers: { 'X-Bad': 'line\nbreak' } });
  expect(exchange.transportError).toMatchObject({ kind: 'other' });
});

describe('retries', () => {
  const failing =
    (statuses: number[]): Reply =>
    (req, res) => {
      const status = statuses.shift();
      if (status === undefined) signedJson(200, '{"state":"DOING"}')(req, res);
      else res.writeHead(status).end();
    };

  test('are off by default: a 503 is recorded as is', async () => {
    reply = failing([503]);
    const exchange = await createClient(target.profile).send({ body: '{}' });
    expect(exchange).toMatchObject({ attempts: 1, response: { status: 503 } });
    expect(server.seen).toHaveLength(1);
  });

  test('429 and 5xx are retried with the same body and a fresh signature, with growing backoff', async () => {
    reply = failing([503, 429]);
    const client = createClient(target.profile, { retries: 3, backoffMs: 20 });
    const started = Date.now();
    const exchange = await client.send({ body: '{"x":"同"}' });
    client.close();
    expect(exchange).toMatchObject({ attempts: 3, response: { status: 200 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(20 + 40 - 5);
    expect(server.seen.map((s) => s.body.toString())).toEqual(['{"x":"同"}', '{"x":"同"}', '{"x":"同"}']);
    expect(new Set(server.seen.map((s) => s.headers.authorization)).size).toBe(3);
    expect(server.seen.every((s) => merchantVerdict(s).ok)).toBe(true);
  });

  test('are bounded, and a 4xx other than 429 is not retried', async () => {
    reply = failing([500, 502, 504]);
    const bounded = await createClient(target.profile, { retries: 1, backoffMs: 1 }).send({});
    expect(bounded).toMatchObject({ attempts: 2, response: { status: 502 } });
    reply = failing([400]);
    const notRetried = await createClient(target.profile, { retries: 3, backoffMs: 1 }).send({});
    expect(notRetried).toMatchObject({ attempts: 1, response: { status: 400 } });
  });
});
