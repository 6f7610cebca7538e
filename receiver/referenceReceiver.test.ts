// The reference receiver in-process: it records each distinct notification once (across restarts, in
// its data directory), answers duplicates 2xx, and answers every malformed request with the FAIL shape.
import { request } from 'node:http';
import { RECEIVER_FAILURE_BODY } from '../apiv3';
import { tempDir } from '../apiv3/testing';
import { loadNotifyProfile } from '../client';
import { notifyKit, orderResources, postNotification } from '../notify';
import { startReceiver, type RunningReceiver } from '.';

const dataDir = tempDir('payscore-receiver-test-');
let running: RunningReceiver;

beforeAll(async () => {
  running = await startReceiver({ dataDir, port: 0 });
});
afterAll(() => running.stop());

const raw = (
  method: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const req = request(running.url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });

describe('the reference receiver', () => {
  it('writes a notify profile that loads, naming both platform keys of the key migration', () => {
    const profile = loadNotifyProfile(running.profilePath, {});
    expect(profile).toMatchObject({
      receiverUrl: running.url,
      referenceReceiver: true,
      platform: { serial: running.material.publicKeyId },
      migrationPlatform: { serial: running.material.certificateSerial },
    });
  });

  it('records a notification once, answers its duplicate 204 again, and still knows it after a restart', async () => {
    const profile = loadNotifyProfile(running.profilePath, {});
    const kit = notifyKit(profile, 'test');
    const [order] = orderResources(profile, 1, Date.now());
    const envelope = kit.envelope(order!);
    const body = JSON.stringify(envelope);
    const before = running.log.count();
    expect((await postNotification(running.url, kit.sign(body), 5000)).status).toBe(204);
    expect((await postNotification(running.url, kit.sign(body), 5000)).status).toBe(204);
    expect(running.log.count()).toBe(before + 1);
    await running.stop();
    running = await startReceiver({ dataDir, port: 0 });
    expect(running.log.all().map((n) => n.id)).toContain(envelope.id);
    expect((await postNotification(running.url, kit.sign(body), 5000)).status).toBe(204);
    expect(running.log.count()).toBe(before + 1);
  });

  it.each([
    ['GET', '', 405],
    ['POST', '', 401],
    ['POST', '{"id":', 401],
    ['POST', '\u0000\u00ff binary', 401],
  ])('answers %s %j with %i and the FAIL body, and keeps serving', async (method, body, status) => {
    const answer = await raw(method, body, { 'Content-Type': 'application/json' });
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.body)).toEqual(RECEIVER_FAILURE_BODY);
  });
});
