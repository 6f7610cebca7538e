import type { KeyObject } from 'node:crypto';
import { profileFromObject, type LoadedProfile } from '../profile';
import { generateTestKeyPair, tempDir } from '../../apiv3/testing';

export interface TestProfile {
  profile: LoadedProfile;
  /** What a server needs to sign responses as the platform. */
  platformPrivateKey: KeyObject;
  platformPrivatePem: string;
  platformPublicPem: string;
  merchantPrivatePem: string;
  merchantPublicPem: string;
}

export const TEST_PLATFORM_SERIAL = 'PUB_KEY_ID_01142321349124100000000000000001';

/** A public-key-mode profile for baseUrl with keys generated now (files in a temp folder). */
export function testProfile(baseUrl: string, extra: Record<string, unknown> = {}): TestProfile {
  const dir = tempDir('payscore-target-');
  const merchant = generateTestKeyPair(dir, 'merchant');
  const platform = generateTestKeyPair(dir, 'platform');
  const profile = profileFromObject(
    {
      baseUrl,
      mchid: '1230000109',
      merchant: { serialNo: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C', privateKeyPath: 'merchant_key.pem' },
      platform: { serial: TEST_PLATFORM_SERIAL, publicKeyPath: 'platform_pub.pem' },
      identities: {
        service_id: '2002000000000558128851361561536',
        appid: 'wxd678efh567hg6787',
        sub_mchid: '1900000109',
        channel_id: '1230000109',
      },
      notifyUrl: 'https://merchant.example/notify',
      riskFundCap: 500000,
      ...extra,
    },
    dir,
    {},
  );
  return {
    profile,
    platformPrivateKey: platform.privateKey,
    platformPrivatePem: platform.privatePem,
    platformPublicPem: platform.publicPem,
    merchantPrivatePem: merchant.privatePem,
    merchantPublicPem: merchant.publicPem,
  };
}
