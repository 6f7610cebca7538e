import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An RSA key pair generated at run time (never committed), with its PEM files in a temp folder. */
export interface TestKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  privatePem: string;
  publicPem: string;
  privatePath: string;
  publicPath: string;
}

/** A fresh folder under os.tmpdir(). */
export function tempDir(prefix = 'payscore-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Generates an RSA key pair (2048 bits unless told) and writes `<name>_key.pem` / `<name>_pub.pem` into dir. */
export function generateTestKeyPair(dir: string, name = 'test', modulusLength = 2048): TestKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength });
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privatePath = join(dir, `${name}_key.pem`);
  const publicPath = join(dir, `${name}_pub.pem`);
  writeFileSync(privatePath, privatePem);
  writeFileSync(publicPath, publicPem);
  return { privateKey, publicKey, privatePem, publicPem, privatePath, publicPath };
}
