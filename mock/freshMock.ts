import type { AddressInfo } from 'node:net';
import type { MockConfig } from './config';
import {
  buildProfile,
  configFromMaterial,
  generateKeyMaterial,
  PROFILE_DEFAULTS,
  withCertificate,
  type KeyMaterial,
  type KeyMode,
  type MockProfile,
} from './keys';
import { createMockServer, type MockServer } from './server';

export type FreshMockOptions = Partial<
  Omit<MockConfig, 'mchid' | 'merchant' | 'platformKeys' | 'apiV3Key' | 'identities'>
> & {
  keyMode?: KeyMode;
  /** Reuse key material (RSA generation costs ~0.1 s a pair); default: fresh. */
  material?: KeyMaterial;
};

/** What a caller of the mock needs, as PEM strings and bytes. */
export interface FreshMockKeys {
  merchantSerialNo: string;
  merchantPrivateKey: string;
  platformSerial: string;
  platformPublicKey: string;
  platformCertificate?: string;
  apiV3Key: Buffer;
}

export interface FreshMock {
  server: MockServer;
  config: MockConfig;
  /** The public profile; baseUrl is set by listen(). Its paths name the files a data directory would hold. */
  profile: MockProfile;
  keys: FreshMockKeys;
  material: KeyMaterial;
  /** Listens on 127.0.0.1 (port 0 = a free one), sets profile.baseUrl and answers it. */
  listen(port?: number): Promise<string>;
}

/** A mock with fresh in-memory keys and store: for tests and the suites' embedded mode. */
export function createMockWithFreshKeys(options: FreshMockOptions = {}): FreshMock {
  const { keyMode = 'public-key', material: given, ...rest } = options;
  const material =
    keyMode === 'certificate'
      ? withCertificate(given ?? generateKeyMaterial(keyMode))
      : (given ?? generateKeyMaterial(keyMode));
  const config: MockConfig = {
    riskFundCap: PROFILE_DEFAULTS.riskFundCap,
    ...rest,
    ...configFromMaterial(material, keyMode),
  };
  const server = createMockServer(config);
  const profile = buildProfile(material, keyMode, 'http://127.0.0.1:0', config.riskFundCap);
  const keys: FreshMockKeys = {
    merchantSerialNo: material.merchant.serialNo,
    merchantPrivateKey: material.merchant.privateKeyPem,
    platformSerial: profile.platform.serial,
    platformPublicKey: material.platform.publicKeyPem,
    apiV3Key: config.apiV3Key,
  };
  if (material.platform.certificate !== undefined) keys.platformCertificate = material.platform.certificate.pem;
  const listen = (port = 0): Promise<string> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        profile.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        resolve(profile.baseUrl);
      });
    });
  return { server, config, profile, keys, material, listen };
}
