import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signResponse } from '../../apiv3';
import type { FaultName } from '../../mock';
import {
  DRIVERS,
  drive,
  driveAll,
  removeSandboxDirs,
  startSandbox,
  type DriverName,
  type Outcome,
  type Sandbox,
} from './driverKit';
import { startRelay, type Relay } from './relay';

// What each real client does with the answers WeChat Pay may give, shown by running its example
// driver (examples/clients/README.md states these facts). The forged answers come from the mock's
// named faults, or from a relay that changes the genuine answer on the wire.

const sandboxes: Sandbox[] = [];
const relays: Relay[] = [];
afterAll(async () => {
  await Promise.all([...relays.map((r) => r.close()), ...sandboxes.map((s) => s.stop())]);
  removeSandboxDirs();
});
async function sandbox(faults: FaultName[] = []): Promise<Sandbox> {
  const started = await startSandbox({ faults });
  sandboxes.push(started);
  return started;
}

const CREATED = { outcome: 'created', order_id: expect.any(String), state: 'DOING', package: null };
const outcomes = (runs: Awaited<ReturnType<typeof driveAll>>): Record<DriverName, Outcome> => ({
  'payscore-client': runs['payscore-client'].run.outcome,
  'wechatpay-axios-plugin': runs['wechatpay-axios-plugin'].run.outcome,
  'wechatpay-node-v3': runs['wechatpay-node-v3'].run.outcome,
});

describe('an answer that must not be trusted (facts §10: verify every answer)', () => {
  test.each([
    ['bad-signature', 'a 200 signed over another body', 'EV3_RES_HEADER_SIGNATURE_DIGEST'],
    ['probe-signature', 'a WECHATPAY/SIGNTEST/ probe signature', 'EV3_RES_HEADER_SIGNATURE_DIGEST'],
    ['stale-response-timestamp', 'a Wechatpay-Timestamp ten minutes old', 'EV3_RES_HEADER_TIMESTAMP_OFFSET'],
    ['unsigned-answers', 'no Wechatpay-* headers at all', 'EV3_RES_HEADERS_INCOMPLATE'],
  ] as const)('%s (%s): wechatpay-node-v3 reports the order, the others refuse it', async (fault, _what, code) => {
    const runs = await driveAll(await sandbox([fault]));
    expect(outcomes(runs)).toEqual({
      'payscore-client': { outcome: 'failed', code: 'UNVERIFIED_ANSWER' },
      'wechatpay-axios-plugin': { outcome: 'failed', code },
      'wechatpay-node-v3': CREATED,
    });
  });

  test('an unknown Wechatpay-Serial: wechatpay-node-v3 reports the order, the others refuse it', async () => {
    const s = await sandbox();
    const relay = await startRelay(s.url, (answer) => ({
      ...answer,
      headers: { ...answer.headers, 'wechatpay-serial': 'PUB_KEY_ID_0000000000000000000000000000000000' },
    }));
    relays.push(relay);
    expect(outcomes(await driveAll(s, relay.baseUrl))).toEqual({
      'payscore-client': { outcome: 'failed', code: 'UNVERIFIED_ANSWER' },
      'wechatpay-axios-plugin': { outcome: 'failed', code: 'EV3_RES_HEADER_PLATFORM_SERIAL' },
      'wechatpay-node-v3': CREATED,
    });
  });
});

describe('an error answer whose signature does not verify', () => {
  test('every client reports the failure with its code (axios-plugin verifies 2xx answers only)', async () => {
    const s = await sandbox(['bad-signature']);
    const runs = await Promise.all(
      DRIVERS.map(async (driver) => {
        const { service_introduction: _dropped, ...body } = s.order(false);
        return drive(driver, s, body);
      }),
    );
    expect(runs.map((r) => r.outcome)).toEqual(DRIVERS.map(() => ({ outcome: 'failed', code: 'PARAM_ERROR' })));
    // Our caller says on stderr that it did not verify: the error answer really was forged.
    expect(runs[DRIVERS.indexOf('payscore-client')]?.stderr).toMatch(/answer 400 not verified/);
  });
});

describe('reading a genuine answer', () => {
  test('CREATED in no-confirm mode (the creation failed): only our caller says so; neither SDK reads state', async () => {
    const runs = await driveAll(await sandbox(['no-confirm-created']));
    const createdAnyway = { outcome: 'created', order_id: expect.any(String), state: 'CREATED', package: null };
    expect(outcomes(runs)).toEqual({
      'payscore-client': { outcome: 'failed', code: null },
      'wechatpay-axios-plugin': createdAnyway,
      'wechatpay-node-v3': createdAnyway,
    });
  });

  test('extra response fields, re-signed, sent chunked: every client takes the order', async () => {
    const s = await sandbox();
    const platformKey = readFileSync(join(s.dataDir, 'platform_key.pem'), 'utf8');
    const relay = await startRelay(s.url, (answer) => {
      const body = Buffer.from(JSON.stringify({ ...JSON.parse(answer.body.toString('utf8')), extra: { x: [1] } }));
      const serial = answer.headers['wechatpay-serial'] ?? '';
      const signed = signResponse({ body, privateKey: platformKey, serial, timestamp: Math.floor(Date.now() / 1000) });
      const headers = { ...answer.headers };
      for (const [name, value] of Object.entries(signed)) headers[name.toLowerCase()] = value;
      return { status: answer.status, headers, body, chunks: 3 };
    });
    relays.push(relay);
    expect(outcomes(await driveAll(s, relay.baseUrl))).toEqual({
      'payscore-client': CREATED,
      'wechatpay-axios-plugin': CREATED,
      'wechatpay-node-v3': CREATED,
    });
    expect(relay.seen).toHaveLength(3);
  });
});
