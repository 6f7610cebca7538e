import { configFromMaterial, loadOrInitDataDir, type MockProfile } from '../keys';
import type { FreshMock } from '../freshMock';

/** A FreshMock-shaped caller view of a data directory's keys, for mockRequest against a mock at baseUrl; test support. */
export function dataDirCaller(dataDir: string, baseUrl: string): FreshMock {
  const material = loadOrInitDataDir(dataDir, 'public-key');
  const config = { riskFundCap: 500_000, ...configFromMaterial(material, 'public-key') };
  return {
    config,
    material,
    profile: { baseUrl } as MockProfile,
    keys: {
      merchantSerialNo: material.merchant.serialNo,
      merchantPrivateKey: material.merchant.privateKeyPem,
    } as FreshMock['keys'],
  } as FreshMock;
}
