import type { LoadedProfile, ProfileIdentities } from '../client';
import { controlUrlOf, type FreshMock } from '../mock';

/**
 * What a provider verification needs of its target: where, whose keys, whose ids and (bundled mock
 * only) its HTTP control interface. Plain JSON, so a verification can run in a child process.
 */
export interface Provider {
  baseUrl: string;
  mchid: string;
  merchantSerialNo: string;
  merchantPrivateKeyPem: string;
  /** Named in Wechatpay-Serial: the platform key the target signs answers with. */
  platformSerial: string;
  identities: ProfileIdentities;
  /** The mock's control interface (`${baseUrl}/__control/`); a foreign target has none. */
  controlUrl?: string;
  /** For reports: 'bundled mock' or the profile file. */
  label: string;
}

/** A foreign target described by a profile (PAYSCORE_PROFILE): no control interface. */
export function providerFromProfile(profile: LoadedProfile): Provider {
  return {
    baseUrl: profile.baseUrl,
    mchid: profile.mchid,
    merchantSerialNo: profile.merchant.serialNo,
    merchantPrivateKeyPem: profile.merchantPrivateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    platformSerial: profile.platformSerial,
    identities: profile.identities,
    label: profile.sourcePath ?? profile.baseUrl,
  };
}

/** The bundled mock, listening, created with `control: true`: states are set over its /__control/ interface. */
export function providerFromMock(fresh: FreshMock): Provider {
  if (fresh.config.control !== true) throw new Error('the mock needs control: true for provider states');
  return {
    baseUrl: fresh.profile.baseUrl,
    mchid: fresh.config.mchid,
    merchantSerialNo: fresh.keys.merchantSerialNo,
    merchantPrivateKeyPem: fresh.keys.merchantPrivateKey,
    platformSerial: fresh.keys.platformSerial,
    identities: fresh.config.identities,
    controlUrl: controlUrlOf(fresh.profile.baseUrl),
    label: 'bundled mock',
  };
}
