export { generateKeyMaterial, randomIdentities, withCertificate } from './generateKeyMaterial';
export type { KeyMaterial, KeyMode } from './generateKeyMaterial';
export { createPlatformCertificate, certificateValidFor, newSerialHex } from './platformCertificate';
export type { PlatformCertificate } from './platformCertificate';
export { buildProfile, DATA_FILES, PROFILE_DEFAULTS } from './mockProfile';
export type { MockProfile } from './mockProfile';
export { configFromMaterial } from './configFromMaterial';
export { loadOrInitDataDir, writeProfile } from './dataDirectory';
export { strangerRsaPair, TEST_KEY_POOL_ENV } from './testKeyPool';
