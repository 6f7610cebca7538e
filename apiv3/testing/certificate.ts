import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** A self-signed X.509 certificate for keyPath (made with the openssl CLI; node:crypto cannot issue one). */
export function selfSignedCertificate(
  dir: string,
  keyPath: string,
  serialHex: string,
  name = 'platform',
  days = 30,
): string {
  const path = join(dir, `${name}_cert.pem`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-new',
      '-key',
      keyPath,
      '-subj',
      '/CN=payscore-conformance test platform',
      '-days',
      String(days),
      '-set_serial',
      `0x${serialHex}`,
      '-out',
      path,
    ],
    { stdio: 'pipe' },
  );
  return path;
}
