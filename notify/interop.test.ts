// Interop: every notification the receiver suite sends is judged by a second, independent
// implementation — wechatpay-axios-plugin 0.9.6's own helpers: its responseVerifier (headers, the
// 5-minute window, the serial lookup, Rsa.verify over Formatter.response) and Aes.AesGcm.decrypt.
// Genuine notifications must verify and decrypt there; each tampered variant must be rejected there.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Aes, Decorator } from 'wechatpay-axios-plugin';
import type { LoadedNotifyProfile } from '../client';
import { rule } from '../specification';
import { notifyCases, type Delivery } from '.';

const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const platform = pair();
const migration = pair();
const PUB_KEY_ID = `PUB_KEY_ID_01${'1'.repeat(30)}`;
const CERT_SERIAL = '5157F3AD3B4E7D0F4E1B0C3A2D9E8F7A';
const apiV3Key = Buffer.from(randomBytes(16).toString('hex'), 'utf8');
const profile: LoadedNotifyProfile = {
  mchid: '1230000109',
  identities: {
    service_id: '2002000000000558128851361561536',
    appid: 'wxd678efh567hg6787',
    sub_mchid: '1900000109',
    channel_id: '1900000100',
  },
  downgrade: [],
  receiverUrl: 'http://127.0.0.1:9/notify',
  apiV3Key,
  platform: { privateKey: platform.privateKey, serial: PUB_KEY_ID },
  migrationPlatform: { privateKey: migration.privateKey, serial: CERT_SERIAL },
  referenceReceiver: false,
  baseDir: '.',
};
const certs: Record<string, string> = {
  [PUB_KEY_ID]: platform.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  [CERT_SERIAL]: migration.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
};

type Verifier = (this: { url: string }, data: string, headers: Record<string, string>, status: number) => unknown;
const verifier = Decorator.responseVerifier(certs) as Verifier;

/** The plugin's own pipeline for a callback: verify the signature headers, then decrypt the resource. */
function pluginReceives(d: Delivery): { ok: true; order: Record<string, unknown> } | { ok: false; why: string } {
  const body = d.body.toString('utf8');
  const checked = verifier.call({ url: '/notify' }, body, d.headers, 200);
  if (checked instanceof Error) return { ok: false, why: `responseVerifier: ${checked.message}` };
  try {
    const resource = (JSON.parse(body) as { resource: { ciphertext: string; nonce: string; associated_data: string } })
      .resource;
    const plaintext = Aes.AesGcm.decrypt(resource.ciphertext, apiV3Key, resource.nonce, resource.associated_data);
    const order = JSON.parse(plaintext) as unknown;
    return typeof order === 'object' && order !== null
      ? { ok: true, order: order as Record<string, unknown> }
      : { ok: false, why: 'not an object' };
  } catch (error) {
    return { ok: false, why: `AesGcm.decrypt / JSON: ${(error as Error).message}` };
  }
}

const cases = notifyCases(profile, 7).filter((c) => c.ruleId !== 'RECV-DEADLINE');
const expectation = (c: (typeof cases)[number]) => c.answer ?? rule(c.ruleId).receiverAnswer;

describe('wechatpay-axios-plugin receives what the receiver suite sends', () => {
  it('covers genuine and tampered notifications of every receiver rule family', () => {
    expect(cases.filter((c) => expectation(c) === 'accept').length).toBeGreaterThan(20);
    expect(new Set(cases.filter((c) => expectation(c) === 'reject').map((c) => c.ruleId)).size).toBeGreaterThanOrEqual(
      10,
    );
  });

  it.each(cases.filter((c) => expectation(c) === 'accept').map((c) => [`${c.ruleId} ${c.name}`, c] as const))(
    'verifies and decrypts %s',
    (_title, c) => {
      for (const d of c.deliveries()) {
        const received = pluginReceives(d);
        expect(received).toMatchObject({ ok: true, order: { mchid: profile.mchid, out_order_no: expect.any(String) } });
      }
    },
  );

  it.each(cases.filter((c) => expectation(c) === 'reject').map((c) => [`${c.ruleId} ${c.name}`, c] as const))(
    'rejects %s',
    (_title, c) => {
      const last = c.deliveries().at(-1);
      expect(last).toBeDefined();
      expect(pluginReceives(last!)).toMatchObject({ ok: false });
    },
  );
});
