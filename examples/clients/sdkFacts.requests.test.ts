import { readFileSync } from 'node:fs';
import type { SeenRequest } from '../../client/testing';
import type { FaultName } from '../../mock';
import { DRIVERS, driveAll, removeSandboxDirs, startSandbox, type DriverName, type Sandbox } from './driverKit';
import { startRelay, type Relay, type Tamper } from './relay';

// What each real client sends, and how it behaves when an attempt fails (facts §10: headers,
// signature, nonce, one order per out_order_no, slowing down on 429), seen by a relay between its
// example driver and the mock. examples/clients/README.md states these facts.

const open: Array<Sandbox | Relay> = [];
afterAll(async () => {
  await Promise.all(open.map((o) => ('stop' in o ? o.stop() : o.close())));
  removeSandboxDirs();
});
async function relayed(faults: FaultName[] = [], tamper?: Tamper) {
  const sandbox = await startSandbox({ faults });
  const relay = await startRelay(sandbox.url, tamper);
  open.push(sandbox, relay);
  return { sandbox, relay, runs: await driveAll(sandbox, relay.baseUrl) };
}

type Runs = Awaited<ReturnType<typeof relayed>>['runs'];
/** The requests a driver sent (its order's out_order_no), with their arrival times. */
function sentBy(relay: Relay, runs: Runs, driver: DriverName): Array<SeenRequest & { at: number }> {
  const outOrderNo = runs[driver].body['out_order_no'];
  return relay.seen
    .map((seen, i) => ({ ...seen, at: relay.arrivals[i] ?? NaN }))
    .filter(
      (seen) => (JSON.parse(seen.body.toString('utf8')) as Record<string, unknown>)['out_order_no'] === outOrderNo,
    );
}
const authorization = (seen: SeenRequest): Record<string, string> =>
  Object.fromEntries([...String(seen.headers['authorization']).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

describe('what each client sends', () => {
  test('headers, nonce and timestamp of a signed request the mock accepts', async () => {
    const { sandbox, relay, runs } = await relayed();
    const now = Date.now() / 1000;
    const sent: Record<DriverName, SeenRequest> = {
      'payscore-client': sentBy(relay, runs, 'payscore-client')[0]!,
      'wechatpay-axios-plugin': sentBy(relay, runs, 'wechatpay-axios-plugin')[0]!,
      'wechatpay-node-v3': sentBy(relay, runs, 'wechatpay-node-v3')[0]!,
    };
    const profile = JSON.parse(readFileSync(sandbox.profilePath, 'utf8')) as { platform: { serial: string } };
    expect(sent['payscore-client'].headers).toMatchObject({
      accept: 'application/json',
      'content-type': 'application/json',
      'user-agent': expect.stringMatching(/^payscore-conformance\//),
      'wechatpay-serial': profile.platform.serial,
    });
    expect(sent['wechatpay-axios-plugin'].headers).toMatchObject({
      accept: 'application/json, text/plain, application/x-gzip, application/pdf, image/png, image/*;q=0.5',
      'content-type': 'application/json; charset=utf-8',
      'user-agent': expect.stringMatching(/^wechatpay-axios-plugin\/0\.9\.6 axios\/\S+ node\//),
    });
    expect(sent['wechatpay-node-v3'].headers).toMatchObject({
      accept: 'application/json',
      'content-type': 'application/json',
      'user-agent': '127.0.0.1',
    });
    expect(sent['wechatpay-axios-plugin'].headers['wechatpay-serial']).toBeUndefined();
    expect(sent['wechatpay-node-v3'].headers['wechatpay-serial']).toBeUndefined();
    // nonce_str: 32 random hex, 32 random Base62, and Math.random() in base 36 (at most 15 characters).
    expect(authorization(sent['payscore-client'])['nonce_str']).toMatch(/^[0-9A-F]{32}$/);
    expect(authorization(sent['wechatpay-axios-plugin'])['nonce_str']).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(authorization(sent['wechatpay-node-v3'])['nonce_str']).toMatch(/^[0-9a-z]{1,15}$/);
    for (const seen of Object.values(sent))
      expect(Math.abs(Number(authorization(seen)['timestamp']) - now)).toBeLessThan(60);
    for (const driver of DRIVERS) expect(runs[driver].run.outcome).toMatchObject({ outcome: 'created' });
  });
});

describe('after a failed attempt (facts §10: the same out_order_no, a wait after 429, never two orders)', () => {
  test.each([
    ['system-error', 'SYSTEM_ERROR'],
    ['rate-limit-all', 'FREQUENCY_LIMITED'],
  ] as const)(
    '%s: only our client retries, the same bytes after a growing wait; the SDKs fail at once with %s',
    async (fault, code) => {
      const { relay, runs } = await relayed([fault]);
      for (const driver of DRIVERS) expect(runs[driver].run.outcome).toEqual({ outcome: 'failed', code });
      expect(sentBy(relay, runs, 'wechatpay-axios-plugin')).toHaveLength(1);
      expect(sentBy(relay, runs, 'wechatpay-node-v3')).toHaveLength(1);
      const ours = sentBy(relay, runs, 'payscore-client');
      expect(ours).toHaveLength(3);
      for (const again of ours.slice(1)) expect(again.body.equals(ours[0]!.body)).toBe(true);
      expect(new Set(ours.map((s) => authorization(s)['nonce_str'])).size).toBe(3);
      expect(ours[1]!.at - ours[0]!.at).toBeGreaterThanOrEqual(180);
      expect(ours[2]!.at - ours[1]!.at).toBeGreaterThanOrEqual(380);
    },
  );

  test('the connection dropped after the order was created: each reports a failure, none retries', async () => {
    const genuine: number[] = [];
    const { relay, runs } = await relayed([], (answer) => {
      genuine.push(answer.status);
      return 'drop';
    });
    // The mock answered 200 to each: the orders exist, and only the same out_order_no finds them again.
    expect(genuine).toEqual([200, 200, 200]);
    expect({
      'payscore-client': runs['payscore-client'].run.outcome,
      'wechatpay-axios-plugin': runs['wechatpay-axios-plugin'].run.outcome,
      'wechatpay-node-v3': runs['wechatpay-node-v3'].run.outcome,
    }).toEqual({
      'payscore-client': { outcome: 'failed', code: null },
      'wechatpay-axios-plugin': { outcome: 'failed', code: 'ECONNRESET' },
      'wechatpay-node-v3': { outcome: 'failed', code: null },
    });
    for (const driver of DRIVERS) expect(sentBy(relay, runs, driver)).toHaveLength(1);
  });
});
