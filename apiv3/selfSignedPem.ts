import { execFileSync } from 'node:child_process';

/**
 * A self-signed X.509 certificate (PEM) over the private key at keyPath, made by the openssl CLI:
 * node:crypto can read certificates but cannot issue one. Platform-certificate mode needs one.
 */
export function selfSignedPem(keyPath: string, commonName: string, days: number, serialHex: string): string {
  return execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-new',
      '-key',
      keyPath,
      '-subj',
      `/CN=${commonName}`,
      '-days',
      String(days),
      '-set_serial',
      `0x${serialHex}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}
