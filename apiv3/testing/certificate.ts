import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { selfSignedPem } from '..';

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
