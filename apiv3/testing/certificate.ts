import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { issueCertificate, selfSignedPem } from '..';

/** A self-signed X.509 certificate for keyPath, written beside it; returns its path. */
export function selfSignedCertificate(
  dir: string,
  keyPath: string,
  serialHex: string,
  name = 'platform',
  days = 30,
): string {
  const path = join(dir, `${name}_cert.pem`);
  writeFileSync(
    path,
    selfSignedPem(readFileSync(keyPath, 'utf8'), 'payscore-conformance test platform', days, serialHex),
  );
  return path;
}

/** An EC P-256 key and a self-signed server certificate for 127.0.0.1 (a TLS server no system CA vouches for). */
export async function loopbackServerIdentity(commonName: string): Promise<{ key: string; cert: string }> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const cert = await issueCertificate({
    commonName,
    serialHex: '11',
    days: 1,
    publicKeyPem: publicKey,
    signerKeyPem: privateKey,
    ipAddresses: ['127.0.0.1'],
  });
  return { key: privateKey, cert };
}
