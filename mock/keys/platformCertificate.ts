import { randomBytes, X509Certificate } from 'node:crypto';
import { selfSignedPem } from '../../apiv3';

export interface PlatformCertificate {
  /** The certificate serial, upper-case hex (RESP-SERIAL, certificate mode). */
  serial: string;
  pem: string;
}

/** A positive 128-bit serial without a leading zero nibble, so its hex form is exactly 32 digits. */
export function newSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = 0x10 + ((bytes[0] ?? 0) % 0x60);
  return bytes.toString('hex').toUpperCase();
}

/** A self-signed platform certificate over the platform key, issued in process (valid 2 days). */
export function createPlatformCertificate(privateKeyPem: string, commonName: string): PlatformCertificate {
  const pem = selfSignedPem(privateKeyPem, commonName, 2, newSerialHex());
  return { serial: new X509Certificate(pem).serialNumber.toUpperCase(), pem };
}

/** Whether a certificate is still valid for at least `marginMs`. */
export function certificateValidFor(pem: string, marginMs: number, now = Date.now()): boolean {
  return new Date(new X509Certificate(pem).validTo).getTime() - now > marginMs;
}
