import { createPublicKey } from 'node:crypto';
import { issueCertificateSync } from './x509';

/**
 * A self-signed X.509 certificate (PEM) over a private key (PKCS#8 PEM), issued in process: platform-
 * certificate mode needs one, and node:crypto can read certificates but cannot issue them.
 */
export function selfSignedPem(privateKeyPem: string, commonName: string, days: number, serialHex: string): string {
  const publicKeyPem = createPublicKey(privateKeyPem).export({ format: 'pem', type: 'spki' }).toString();
  return issueCertificateSync({ commonName, serialHex, days, publicKeyPem, signerKeyPem: privateKeyPem });
}
