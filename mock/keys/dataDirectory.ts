import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BoundIdentities } from '../../specification';
import { generateKeyMaterial, withCertificate, type KeyMaterial, type KeyMode } from './generateKeyMaterial';
import { DATA_FILES, type MockProfile } from './mockProfile';
import { certificateValidFor } from './platformCertificate';

/** mock.json: the non-secret facts of a data directory; keys live in their own PEM files. */
interface DataState {
  mchid: string;
  merchantSerialNo: string;
  platformPublicKeyId: string;
  platformCertificateSerial?: string;
  identities: BoundIdentities;
}

const PRIVATE = { mode: 0o600 } as const;
const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');

function writeMaterial(dir: string, m: KeyMaterial): void {
  writeFileSync(join(dir, DATA_FILES.merchantKey), m.merchant.privateKeyPem, PRIVATE);
  writeFileSync(join(dir, DATA_FILES.merchantPublicKey), m.merchant.publicKeyPem);
  writeFileSync(join(dir, DATA_FILES.platformKey), m.platform.privateKeyPem, PRIVATE);
  writeFileSync(join(dir, DATA_FILES.platformPublicKey), m.platform.publicKeyPem);
  writeFileSync(join(dir, DATA_FILES.apiV3Key), m.apiV3Key, PRIVATE);
  if (m.platform.certificate !== undefined)
    writeFileSync(join(dir, DATA_FILES.platformCertificate), m.platform.certificate.pem);
  const state: DataState = {
    mchid: m.mchid,
    merchantSerialNo: m.merchant.serialNo,
    platformPublicKeyId: m.platform.publicKeyId,
    identities: m.identities,
  };
  if (m.platform.certificate !== undefined) state.platformCertificateSerial = m.platform.certificate.serial;
  writeFileSync(join(dir, DATA_FILES.state), `${JSON.stringify(state, null, 2)}\n`);
}

function readMaterial(dir: string): KeyMaterial {
  const state = JSON.parse(read(dir, DATA_FILES.state)) as DataState;
  const material: KeyMaterial = {
    mchid: state.mchid,
    merchant: {
      serialNo: state.merchantSerialNo,
      privateKeyPem: read(dir, DATA_FILES.merchantKey),
      publicKeyPem: read(dir, DATA_FILES.merchantPublicKey),
    },
    platform: {
      privateKeyPem: read(dir, DATA_FILES.platformKey),
      publicKeyPem: read(dir, DATA_FILES.platformPublicKey),
      publicKeyId: state.platformPublicKeyId,
    },
    apiV3Key: read(dir, DATA_FILES.apiV3Key).trim(),
    identities: state.identities,
  };
  if (state.platformCertificateSerial !== undefined && existsSync(join(dir, DATA_FILES.platformCertificate))) {
    material.platform.certificate = {
      serial: state.platformCertificateSerial,
      pem: read(dir, DATA_FILES.platformCertificate),
    };
  }
  return material;
}

/**
 * The key material of a data directory: generated and written on first use (private keys 0600),
 * read back afterwards. Certificate mode (re)makes the platform certificate when it is missing
 * or expires within an hour.
 */
export function loadOrInitDataDir(dir: string, keyMode: KeyMode): KeyMaterial {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(join(dir, DATA_FILES.state))) {
    const material = generateKeyMaterial(keyMode);
    writeMaterial(dir, material);
    return material;
  }
  let material = readMaterial(dir);
  const certificate = material.platform.certificate;
  if (
    keyMode === 'certificate' &&
    (certificate === undefined || !certificateValidFor(certificate.pem, 60 * 60 * 1000))
  ) {
    const { certificate: _old, ...platform } = material.platform;
    material = withCertificate({ ...material, platform });
    writeMaterial(dir, material);
  }
  return material;
}

/** Writes profile.json next to the keys it names. */
export function writeProfile(dir: string, profile: MockProfile): string {
  const path = join(dir, DATA_FILES.profile);
  writeFileSync(path, `${JSON.stringify(profile, null, 2)}\n`);
  return path;
}
