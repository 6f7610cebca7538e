import { createPublicKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProfileIdentities, TargetProfile } from '../client';
import { certificateValidFor, generateKeyMaterial, PROFILE_DEFAULTS } from '../mock';
import type { TrustedKey } from './judgeNotification';

/** File names inside a receiver's data directory; notify-profile.json names the others relative to it. */
export const RECEIVER_FILES = {
  profile: 'notify-profile.json',
  state: 'receiver.json',
  platformKey: 'platform_key.pem',
  platformPublicKey: 'platform_pub.pem',
  certificateKey: 'platform_cert_key.pem',
  certificate: 'platform_cert.pem',
  apiV3Key: 'apiv3_key.txt',
  notifications: 'notifications.jsonl',
} as const;

/** Where `payscore-conformance receiver` keeps its material unless told (and where `notify` looks first). */
export const DEFAULT_RECEIVER_DATA_DIR = './.payscore/receiver';

/** The path the reference receiver serves. */
export const NOTIFY_PATH = '/notify';

interface ReceiverState {
  mchid: string;
  identities: ProfileIdentities;
  publicKeyId: string;
}

/** What the receiver is configured with: both platform keys of the key migration and the APIv3 key. */
export interface ReceiverMaterial extends ReceiverState {
  certificateSerial: string;
  trusted: TrustedKey[];
  apiV3Key: Buffer;
}

const PRIVATE = { mode: 0o600 } as const;
const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const HOUR_MS = 60 * 60 * 1000;

/**
 * Test material a real institution would get from the merchant platform: a WeChat Pay public key
 * (PUB_KEY_ID_…), a platform certificate over another key (so the key migration is real), an APIv3
 * key, a mchid and identities. Made on first start (private keys 0600) and when the certificate expires.
 */
function generate(dir: string): void {
  const byId = generateKeyMaterial('public-key');
  const byCertificate = generateKeyMaterial('certificate');
  const certificate = byCertificate.platform.certificate;
  if (certificate === undefined) throw new Error('certificate mode made no certificate');
  writeFileSync(join(dir, RECEIVER_FILES.platformKey), byId.platform.privateKeyPem, PRIVATE);
  writeFileSync(join(dir, RECEIVER_FILES.platformPublicKey), byId.platform.publicKeyPem);
  writeFileSync(join(dir, RECEIVER_FILES.certificateKey), byCertificate.platform.privateKeyPem, PRIVATE);
  writeFileSync(join(dir, RECEIVER_FILES.certificate), certificate.pem);
  writeFileSync(join(dir, RECEIVER_FILES.apiV3Key), byId.apiV3Key, PRIVATE);
  const state: ReceiverState = {
    mchid: byId.mchid,
    identities: byId.identities,
    publicKeyId: byId.platform.publicKeyId,
  };
  writeFileSync(join(dir, RECEIVER_FILES.state), `${JSON.stringify(state, null, 2)}\n`);
}

/** The receiver's material: generated on first use, read back afterwards. */
export function loadOrInitReceiverDir(dir: string): ReceiverMaterial {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stale =
    !existsSync(join(dir, RECEIVER_FILES.state)) ||
    !existsSync(join(dir, RECEIVER_FILES.certificate)) ||
    !certificateValidFor(read(dir, RECEIVER_FILES.certificate), HOUR_MS);
  if (stale) generate(dir);
  const state = JSON.parse(read(dir, RECEIVER_FILES.state)) as ReceiverState;
  const certificate = new X509Certificate(read(dir, RECEIVER_FILES.certificate));
  const certificateSerial = certificate.serialNumber.toUpperCase();
  return {
    ...state,
    certificateSerial,
    trusted: [
      { serial: state.publicKeyId, publicKey: createPublicKey(read(dir, RECEIVER_FILES.platformPublicKey)) },
      { serial: certificateSerial, publicKey: certificate.publicKey },
    ],
    apiV3Key: Buffer.from(read(dir, RECEIVER_FILES.apiV3Key).trim(), 'utf8'),
  };
}

/** notify-profile.json: `payscore-conformance notify --profile <dir>/notify-profile.json` sends to this receiver. */
export function writeNotifyProfile(dir: string, material: ReceiverMaterial, url: string): string {
  const profile: Partial<TargetProfile> & Pick<TargetProfile, 'receiver'> = {
    mchid: material.mchid,
    identities: material.identities,
    notifyUrl: url,
    riskFundCap: PROFILE_DEFAULTS.riskFundCap,
    receiver: {
      url,
      apiV3KeyPath: RECEIVER_FILES.apiV3Key,
      platform: { privateKeyPath: RECEIVER_FILES.platformKey, serial: material.publicKeyId },
      migrationPlatform: { privateKeyPath: RECEIVER_FILES.certificateKey, serial: material.certificateSerial },
    },
    referenceReceiver: true,
  };
  const path = join(dir, RECEIVER_FILES.profile);
  writeFileSync(path, `${JSON.stringify(profile, null, 2)}\n`);
  return path;
}
