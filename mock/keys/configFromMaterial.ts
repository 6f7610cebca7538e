import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { MockConfig, PlatformKey } from '../config';
import type { KeyMaterial, KeyMode } from './generateKeyMaterial';

/**
 * The key part of a MockConfig. The platform key pair answers under its public key id and, when
 * there is one, its certificate serial; the key mode's serial signs by default.
 */
export function configFromMaterial(
  material: KeyMaterial,
  keyMode: KeyMode,
): Pick<MockConfig, 'mchid' | 'merchant' | 'platformKeys' | 'apiV3Key' | 'identities'> {
  const privateKey = createPrivateKey(material.platform.privateKeyPem);
  const publicKey = createPublicKey(material.platform.publicKeyPem);
  const byId: PlatformKey = { serial: material.platform.publicKeyId, privateKey, publicKey };
  const certificate = material.platform.certificate;
  const byCertificate: PlatformKey | undefined =
    certificate === undefined
      ? undefined
      : { serial: certificate.serial, privateKey, publicKey, certificatePem: certificate.pem };
  const platformKeys =
    keyMode === 'certificate' && byCertificate !== undefined
      ? [byCertificate, byId]
      : byCertificate === undefined
        ? [byId]
        : [byId, byCertificate];
  return {
    mchid: material.mchid,
    merchant: { serialNo: material.merchant.serialNo, publicKey: createPublicKey(material.merchant.publicKeyPem) },
    platformKeys,
    apiV3Key: Buffer.from(material.apiV3Key, 'utf8'),
    identities: { ...material.identities },
  };
}
