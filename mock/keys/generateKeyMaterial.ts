import { randomBytes, randomInt } from 'node:crypto';
import { formatChinaTime, type BoundIdentities } from '../../specification';
import { createPlatformCertificate, type PlatformCertificate } from './platformCertificate';
import { nextRsaPair, type RsaPair } from './testKeyPool';

export type KeyMode = 'public-key' | 'certificate';

/** Everything a mock and its caller share: keys as PEM, serials, the APIv3 key, identities. */
export interface KeyMaterial {
  mchid: string;
  merchant: { serialNo: string; privateKeyPem: string; publicKeyPem: string };
  platform: { privateKeyPem: string; publicKeyPem: string; publicKeyId: string; certificate?: PlatformCertificate };
  /** 32 printable characters, used as its 32 ASCII bytes (as WeChat's APIv3 keys are). */
  apiV3Key: string;
  identities: BoundIdentities;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const digits = (n: number): string => Array.from({ length: n }, () => String(randomInt(0, 10))).join('');
const alnum = (n: number): string => Array.from({ length: n }, () => ALNUM[randomInt(0, ALNUM.length)]).join('');
const merchantId = (): string => `1${digits(9)}`;

const rsaPair = (): RsaPair => nextRsaPair();

/** A random, self-consistent identity set (distinct ids, so a mix-up is visible). */
export function randomIdentities(): BoundIdentities {
  return {
    service_id: `2002${digits(27)}`,
    appid: `wx${randomBytes(8).toString('hex')}`,
    sub_mchid: merchantId(),
    sub_appid: `wx${randomBytes(8).toString('hex')}`,
    channel_id: merchantId(),
    openid: `o${alnum(27)}`,
    sub_openid: `o${alnum(27)}`,
  };
}

/** The platform certificate, made when certificate mode needs it. */
export function withCertificate(material: KeyMaterial): KeyMaterial {
  if (material.platform.certificate !== undefined) return material;
  const certificate = createPlatformCertificate(
    material.platform.privateKeyPem,
    `payscore-mock platform ${material.mchid}`,
  );
  return { ...material, platform: { ...material.platform, certificate } };
}

/** Fresh RSA-2048 merchant and platform key pairs (self-tests: from their pool, nextRsaPair), serials, an APIv3 key and identities. */
export function generateKeyMaterial(keyMode: KeyMode = 'public-key'): KeyMaterial {
  const mchid = merchantId();
  const material: KeyMaterial = {
    mchid,
    merchant: { serialNo: randomBytes(20).toString('hex').toUpperCase(), ...rsaPair() },
    platform: { ...rsaPair(), publicKeyId: `PUB_KEY_ID_01${mchid}${formatChinaTime(Date.now(), 'day')}${digits(12)}` },
    apiV3Key: alnum(32),
    identities: randomIdentities(),
  };
  return keyMode === 'certificate' ? withCertificate(material) : material;
}
