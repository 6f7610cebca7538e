import { randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfSignedPem } from '../../apiv3';

export interface PlatformCertificate {
  /** The certificate serial, upper-case hex (RESP-SERIAL, certificate mode). */
  serial: string;
  pem: string;
}

/** A positive 128-bit serial without a leading zero nibble, so its hex form is exactly 32 digits. */
function newSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = 0x10 + ((bytes[0] ?? 0) % 0x60);
  return bytes.toString('hex').toUpperCase();
}

/** A self-signed platform certificate over the platform key, made by the openssl CLI (valid 2 days). */
export function createPlatformCertificate(privateKeyPem: string, commonName: string): PlatformCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'payscore-mock-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    writeFileSync(keyPath, privateKeyPem, { mode: 0o600 });
    const pem = selfSignedPem(keyPath, commonName, 2, newSerialHex());
    return { serial: new X509Certificate(pem).serialNumber.toUpperCase(), pem };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether a certificate is still valid for at least `marginMs`. */
export function certificateValidFor(pem: string, marginMs: number, now = Date.now()): boolean {
  return new Date(new X509Certificate(pem).validTo).getTime() - now > marginMs;
}
