import type { BoundIdentities } from '../../specification';
import type { KeyMaterial, KeyMode } from './generateKeyMaterial';

/** The defaults a fresh profile states (RISK-CAP is per service; the profile says it). */
export const PROFILE_DEFAULTS = { riskFundCap: 500_000, notifyUrl: 'https://merchant.example/notify' } as const;

/** The PUBLIC target profile format `payscore-conformance run --profile` reads. */
export interface MockProfile {
  baseUrl: string;
  mchid: string;
  merchant: { serialNo: string; privateKeyPath: string };
  platform: { serial: string; publicKeyPath: string } | { serial: string; certificatePath: string };
  identities: BoundIdentities;
  notifyUrl: string;
  riskFundCap: number;
  /** The APIv3 key (32 characters): decrypts GET /v3/certificates in certificate mode. */
  apiV3KeyPath: string;
  /**
   * The target is the bundled reference mock: the suites assert DECISION rules against it. Absent
   * when the mock runs under readings: it then stands in for another correct implementation.
   */
  referenceMock?: true;
  /** --tls: the CA that issued the mock's certificate, relative to the profile's folder. */
  tls?: { caPath: string };
}

/** File names inside a data directory (the profile's paths are relative to it). */
export const DATA_FILES = {
  profile: 'profile.json',
  state: 'mock.json',
  merchantKey: 'merchant_key.pem',
  merchantPublicKey: 'merchant_pub.pem',
  platformKey: 'platform_key.pem',
  platformPublicKey: 'platform_pub.pem',
  platformCertificate: 'platform_cert.pem',
  apiV3Key: 'apiv3_key.txt',
  database: 'orders.sqlite',
  /** The sandbox CA (--tls, --proxy): clients trust ca.pem; ca_key.pem (0600) never leaves the folder. */
  ca: 'ca.pem',
  caKey: 'ca_key.pem',
} as const;

export function buildProfile(
  material: KeyMaterial,
  keyMode: KeyMode,
  baseUrl: string,
  riskFundCap: number,
  reference = true,
): MockProfile {
  const certificate = material.platform.certificate;
  if (keyMode === 'certificate' && certificate === undefined)
    throw new Error('certificate mode needs the platform certificate');
  return {
    baseUrl,
    mchid: material.mchid,
    merchant: { serialNo: material.merchant.serialNo, privateKeyPath: DATA_FILES.merchantKey },
    platform:
      keyMode === 'certificate' && certificate !== undefined
        ? { serial: certificate.serial, certificatePath: DATA_FILES.platformCertificate }
        : { serial: material.platform.publicKeyId, publicKeyPath: DATA_FILES.platformPublicKey },
    identities: { ...material.identities },
    notifyUrl: PROFILE_DEFAULTS.notifyUrl,
    riskFundCap,
    apiV3KeyPath: DATA_FILES.apiV3Key,
    ...(reference ? { referenceMock: true as const } : {}),
  };
}
