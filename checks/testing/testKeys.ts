// Test support for the checks (not tests themselves): fixed identities, a fixed clock and keys made at run time.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';

export const MCHID = '1230000109';
export const PLATFORM_SERIAL = 'PUB_KEY_ID_01123456782024010100000000000001';
export const MERCHANT_SERIAL = '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C';
/** A fixed clock (2026-01-01 UTC); the spec's examples are dated 2099, so their times are in the future. */
export const NOW_MS = Date.UTC(2026, 0, 1);

interface Pair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}
let keys: { merchant: Pair; platform: Pair } | undefined;
const rsa = (): Pair => generateKeyPairSync('rsa', { modulusLength: 2048 });
/** RSA 2048 key pairs made once per test file, never written to disk. */
export function testKeys(): { merchant: Pair; platform: Pair } {
  keys ??= { merchant: rsa(), platform: rsa() };
  return keys;
}
