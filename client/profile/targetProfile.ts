import type { KeyObject } from 'node:crypto';

/** The ids a target's requests carry; the first four are required request fields. */
export interface ProfileIdentities {
  service_id: string;
  appid: string;
  sub_mchid: string;
  channel_id: string;
  sub_appid?: string;
  openid?: string;
  sub_openid?: string;
}

/** The JSON file that describes a target (PUBLIC interface: these names do not change). Paths are relative to its folder. */
export interface TargetProfile {
  baseUrl: string;
  mchid: string;
  merchant: { serialNo: string; privateKeyPath: string; publicKeyPath?: string };
  /** Public-key mode: `serial` (PUB_KEY_ID_…) + `publicKeyPath`; certificate mode: `certificatePath` (serial read from it). */
  platform: { serial?: string; publicKeyPath?: string; certificatePath?: string };
  identities: ProfileIdentities;
  notifyUrl: string;
  /** The risk-fund cap of the service_id (RISK-CAP), in fen. */
  riskFundCap?: number;
  /** SIBLING rule ids the user downgrades to warnings. */
  downgrade?: string[];
  timeoutMs?: number;
  /** True for the bundled reference mock (its own profile.json says so): DECISION rules are asserted. */
  referenceMock?: boolean;
}

export type PlatformMode = 'public-key' | 'certificate';

/** A validated profile: the raw fields (baseUrl after PAYSCORE_TARGET_URL) plus parsed keys. */
export interface LoadedProfile extends Omit<TargetProfile, 'downgrade'> {
  downgrade: string[];
  merchantPrivateKey: KeyObject;
  /** Derived from the private key (or read from merchant.publicKeyPath, which must match). */
  merchantPublicKey: KeyObject;
  platformPublicKey: KeyObject;
  /** PUB_KEY_ID_… in public-key mode, the certificate serial (upper-case hex) in certificate mode. */
  platformSerial: string;
  mode: PlatformMode;
  /** The folder relative paths were resolved against. */
  baseDir: string;
  /** The profile file, when it was loaded from one. */
  sourcePath?: string;
}
