import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileFromObject, type LoadedProfile } from '../client';

/** The platform key id the consumer's profile names (and so its Wechatpay-Serial header carries). */
export const CONSUMER_PLATFORM_SERIAL = 'PUB_KEY_ID_01123000010000000000000000000001';

function writeKeyPair(dir: string, name: string): void {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  writeFileSync(join(dir, `${name}_key.pem`), privateKey, { mode: 0o600 });
  writeFileSync(join(dir, `${name}_pub.pem`), publicKey);
}

/**
 * A merchant's profile pointing at baseUrl (the Pact mock server), with keys generated now in a
 * temp folder; the ids are the contract's example tenant. Validated by the real profile loader.
 */
export function consumerProfile(baseUrl: string): LoadedProfile {
  const dir = mkdtempSync(join(tmpdir(), 'payscore-pact-consumer-'));
  writeKeyPair(dir, 'merchant');
  writeKeyPair(dir, 'platform');
  return profileFromObject({
    baseUrl,
    mchid: '1230000109',
    merchant: { serialNo: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C', privateKeyPath: 'merchant_key.pem' },
    platform: { serial: CONSUMER_PLATFORM_SERIAL, publicKeyPath: 'platform_pub.pem' },
    identities: { service_id: '2002000000000558128851361561536', appid: 'wxd678efh567hg6787', sub_mchid: '1900000109', channel_id: '1230000109' },
    notifyUrl: 'https://merchant.example/notify',
  }, dir, {});
}
