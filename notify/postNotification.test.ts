// notify over HTTPS obeys the profile's tls section as run does: a receiver under a private CA is reached
// only when the profile names that CA (or says tls.insecure).
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generateTestKeyPair, loopbackServerIdentity, tempDir } from '../apiv3/testing';
import { describeTlsTrust, notifyProfileFromObject, tlsAgentOptions } from '../client';
import { postNotification } from './postNotification';

const dir = tempDir('payscore-notify-tls-');
let server: Server;
let url: string;

beforeAll(async () => {
  const { key, cert } = await loopbackServerIdentity('receiver');
  writeFileSync(join(dir, 'receiver-ca.pem'), cert);
  server = createServer({ key, cert }, (_req, res) => res.writeHead(204).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
});
afterAll(() => server.close());

const delivery = { body: Buffer.from('{}'), headers: { 'Content-Type': 'application/json' } };
/** The notify profile's trust for its https receiver.url, as `notify` loads it. */
function trustOf(tls: unknown) {
  generateTestKeyPair(dir, 'platform');
  writeFileSync(join(dir, 'apiv3_key.txt'), 'A'.repeat(32));
  const profile = notifyProfileFromObject(
    {
      mchid: '1230000109',
      identities: {
        service_id: '2002000000000558128851361561536',
        appid: 'wx0',
        sub_mchid: '1900000109',
        channel_id: '1230000109',
      },
      receiver: {
        url,
        apiV3KeyPath: 'apiv3_key.txt',
        platform: { privateKeyPath: 'platform_key.pem', serial: 'PUB_KEY_ID_01142321349124100000000000000001' },
      },
      ...(tls === undefined ? {} : { tls }),
    },
    { baseDir: dir, env: {} },
  );
  return profile.tlsTrust;
}
const tlsOf = (section: unknown) => tlsAgentOptions(trustOf(section));

test('without tls the receiver’s private certificate is refused', async () => {
  const seen = await postNotification(url, delivery, 5000, tlsOf(undefined));
  expect(seen.status).toBeUndefined();
  expect(seen.error?.message).toMatch(/self[- ]signed|unable to verify/i);
});

test.each([
  [{ caPath: 'receiver-ca.pem' }, /^CA file .*receiver-ca\.pem/],
  [{ insecure: true }, /^TLS NOT verified/],
])('tls %j reaches it, and is named %s', async (section, words) => {
  expect((await postNotification(url, delivery, 5000, tlsOf(section))).status).toBe(204);
  expect(describeTlsTrust(trustOf(section))).toMatch(words);
});
