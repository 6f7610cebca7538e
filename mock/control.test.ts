import { createDecipheriv, createPublicKey } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AUTH_SCHEME, RETRY_SCHEDULE_SECONDS, verifyResponseSignature, type NotificationEnvelope } from '../apiv3';
import { isLoopback } from './control';
import type { FreshMock } from './index';
import { createMockWithFreshKeys, mockRequest, validBody } from './testing';

let mock: FreshMock;
let receiver: Server;
let notifyUrl: string;
const received: Array<{ headers: IncomingHttpHeaders; body: Buffer }> = [];
let failuresLeft = 0;

beforeAll(async () => {
  mock = createMockWithFreshKeys({ control: true, callbackDelayScale: 0.001 });
  await mock.listen();
  // A receiver on 127.0.0.1 that fails a configurable number of times, then answers 204.
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(failuresLeft-- > 0 ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/notify`;
});
afterAll(async () => {
  await mock.server.stop();
  receiver.close();
});

function decrypt(envelope: NotificationEnvelope, key: Buffer): Record<string, unknown> {
  const data = Buffer.from(envelope.resource.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.resource.nonce, 'utf8'));
  decipher.setAAD(Buffer.from(envelope.resource.associated_data, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return JSON.parse(
    Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8'),
  ) as Record<string, unknown>;
}

const control = (path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> =>
  new Promise((resolve, reject) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    const req = request(
      new URL(`/__control/${path}`, mock.profile.baseUrl),
      { method: body === undefined ? 'GET' : 'POST', headers: { 'Content-Type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });

describe('callbacks (CALLBACK-*)', () => {
  test('confirming delivers PAYSCORE.USER_CONFIRM, encrypted and signed, retried on the schedule until a 2xx', async () => {
    received.length = 0;
    failuresLeft = 2;
    const body = validBody(mock.config.identities, { need_user_confirm: true, notify_url: notifyUrl });
    const created = await mockRequest(mock, body);
    const { order, delivery } = mock.server.control.confirm({ orderId: String(created.json['order_id']) });
    expect([order['state'], order['state_description']]).toEqual(['DOING', 'USER_CONFIRM']);
    await mock.server.control.settle();
    expect(received).toHaveLength(3);
    const record = mock.server.control.deliveries().find((d) => d.id === delivery.id);
    expect(record?.status).toBe('delivered');
    expect(record?.attempts.map((a) => ('status' in a ? a.status : 0))).toEqual([500, 500, 204]);
    expect(RETRY_SCHEDULE_SECONDS.slice(0, 2)).toEqual([15, 15]);

    const last = received[2]!;
    expect(last.headers['wechatpay-signature-type']).toBe(AUTH_SCHEME);
    const verdict = verifyResponseSignature({
      headers: last.headers as Record<string, string>,
      body: last.body,
      now: Math.floor(Date.now() / 1000),
      platformKey: (serial) =>
        serial === mock.keys.platformSerial ? createPublicKey(mock.keys.platformPublicKey) : undefined,
    });
    expect(verdict).toEqual({ ok: true });
    const envelope = JSON.parse(last.body.toString('utf8')) as NotificationEnvelope;
    expect(envelope).toMatchObject({
      event_type: 'PAYSCORE.USER_CONFIRM',
      resource_type: 'encrypt-resource',
      resource: { algorithm: 'AEAD_AES_256_GCM', original_type: 'payscore' },
    });
    expect(envelope.create_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(Buffer.from(envelope.resource.nonce, 'utf8')).toHaveLength(12);
    const resource = decrypt(envelope, mock.keys.apiV3Key);
    expect(resource).toMatchObject({
      order_id: created.json['order_id'],
      state: 'DOING',
      state_description: 'USER_CONFIRM',
      mchid: mock.config.mchid,
    });
    expect(resource).not.toHaveProperty('package');
  });

  test('paying a DOING order makes it DONE and delivers PAYSCORE.USER_PAID', async () => {
    received.length = 0;
    failuresLeft = 0;
    const body = validBody(mock.config.identities, { notify_url: notifyUrl });
    mock.server.control.putOrder({ body, state: 'DOING' });
    const { order } = mock.server.control.pay({ outOrderNo: String(body['out_order_no']) });
    expect(order['state']).toBe('DONE');
    expect(order).not.toHaveProperty('state_description');
    await mock.server.control.settle();
    const envelope = JSON.parse(received[0]!.body.toString('utf8')) as NotificationEnvelope;
    expect(envelope.event_type).toBe('PAYSCORE.USER_PAID');
    expect(decrypt(envelope, mock.keys.apiV3Key)['state']).toBe('DONE');
  });

  test('a non-loopback notify_url is never called (the project talks to 127.0.0.1 only)', () => {
    const body = validBody(mock.config.identities, { need_user_confirm: true });
    mock.server.control.putOrder({ body, state: 'CREATED' });
    expect(mock.server.control.confirm({ outOrderNo: String(body['out_order_no']) }).delivery.status).toBe('skipped');
  });
});

describe('the control interface over HTTP (/__control/)', () => {
  test('put an order in a state, read it, advance the clock, reset', async () => {
    const body = validBody(mock.config.identities, { need_user_confirm: true });
    const put = await control('orders', { body, state: 'CREATED' });
    expect(put.status).toBe(200);
    const orderId = String(put.json['order_id']);
    expect((await control(`orders/${orderId}`)).json['state']).toBe('CREATED');
    expect((await control('clock/advance', { ms: 60 * 60 * 1000 + 1 })).status).toBe(200);
    expect((await control(`orders/${orderId}`)).json['state']).toBe('EXPIRED');
    expect((await control('orders/confirm', { order_id: orderId })).json['code']).toBe('INVALID_ORDER_STATE');
    expect((await control('reset', {})).status).toBe(200);
    expect((await control(`orders/${orderId}`)).status).toBe(404);
  });
  test('bad control input is a JSON error', async () => {
    expect((await control('orders', { body: { a: 1 }, state: 'CREATED' })).json['code']).toBe('PARAM_ERROR');
    expect((await control('orders', { body: {}, state: 'NOPE' })).json['code']).toBe('PARAM_ERROR');
    expect((await control('nothing', {})).status).toBe(404);
  });
  test('is off unless enabled: /__control/ is then an unknown path', async () => {
    const off = createMockWithFreshKeys({ material: mock.material });
    await off.listen();
    try {
      const res = await mockRequest(off, {}, { path: '/__control/reset' });
      expect([res.status, res.json['code']]).toEqual([404, 'NOT_FOUND']);
    } finally {
      await off.server.stop();
    }
  });
  test.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::ffff:192.168.1.1', false],
    [undefined, false],
  ])('loopback check %s → %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});
