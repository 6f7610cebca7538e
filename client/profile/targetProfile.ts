import type { KeyObject } from 'node:crypto';
import type { BoundIdentities } from '../../specification';
import type { TlsSection, TlsTrust } from './tlsTrust';

/** The identities a profile may leave out: a target that binds no sub_appid or openids (the suites then say what they need). */
export const OPTIONAL_PROFILE_IDENTITIES = ['sub_appid', 'openid', 'sub_openid'] as const satisfies ReadonlyArray<
  keyof BoundIdentities
>;
type OptionalProfileIdentity = (typeof OPTIONAL_PROFILE_IDENTITIES)[number];

/**
 * The one identities type (BoundIdentities) as a profile's JSON holds it: derived, not written again,
 * because the JSON may omit OPTIONAL_PROFILE_IDENTITIES; the first four are required request fields.
 */
export type ProfileIdentities = Omit<BoundIdentities, OptionalProfileIdentity> &
  Partial<Pick<BoundIdentities, OptionalProfileIdentity>>;

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
  /** What `notify` sends a receiver with: the test material the receiver under test is configured with. */
  receiver?: ReceiverSection;
  /** True for the bundled reference receiver (its notify-profile.json says so): DECISION rules are asserted. */
  referenceReceiver?: boolean;
  /** How HTTPS targets (baseUrl, receiver.url) are verified; absent: the system CAs. */
  tls?: TlsSection;
}

/** A platform key as the sender holds it: the private key, and the serial the receiver knows its public half by. */
export interface SignerSection {
  privateKeyPath: string;
  /** PUB_KEY_ID_… (WeChat Pay public key) or the platform certificate serial (hex). */
  serial: string;
}

/** The `receiver` part of a profile (PUBLIC interface). Paths are relative to the profile's folder. */
export interface ReceiverSection {
  /** The receiver's URL (its notify_url), e.g. http://127.0.0.1:9090/notify. */
  url: string;
  /** A file holding the merchant's APIv3 key: 32 characters, used as their 32 bytes. */
  apiV3KeyPath: string;
  platform: SignerSection;
  /** During the certificate → public key migration: the other key the receiver also accepts. */
  migrationPlatform?: SignerSection;
}

/** A platform key ready to sign notifications. */
export interface LoadedSigner {
  privateKey: KeyObject;
  serial: string;
}

/** A validated `notify` profile: what the receiver suite needs, keys parsed. */
export interface LoadedNotifyProfile {
  mchid: string;
  identities: ProfileIdentities;
  riskFundCap?: number;
  downgrade: string[];
  timeoutMs?: number;
  receiverUrl: string;
  apiV3Key: Buffer;
  platform: LoadedSigner;
  migrationPlatform?: LoadedSigner;
  referenceReceiver: boolean;
  /** How receiver.url is verified when it is https (absent: the system CAs). */
  tlsTrust?: TlsTrust;
  baseDir: string;
  sourcePath?: string;
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
  /** How baseUrl is verified when it is https (absent: the system CAs). */
  tlsTrust?: TlsTrust;
  /** The folder relative paths were resolved against. */
  baseDir: string;
  /** The profile file, when it was loaded from one. */
  sourcePath?: string;
}
