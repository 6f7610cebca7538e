// The sandbox's certificate authority: made in the data directory on first use (its key never leaves
// it), it certifies the mock under 127.0.0.1, localhost and WeChat Pay's own host names, so a client that
// trusts ca.pem reaches the sandbox over HTTPS unchanged.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { issueCertificate, WECHAT_API_HOSTS } from '../../apiv3';
import { certificateValidFor, DATA_FILES, newSerialHex } from '../keys';

/** The hosts of WeChat Pay's API the sandbox answers for (directly with --tls, or through --proxy). */
export { WECHAT_API_HOSTS };

/** Every name the server certificate carries. */
export const SANDBOX_NAMES = { dnsNames: ['localhost', ...WECHAT_API_HOSTS], ipAddresses: ['127.0.0.1', '::1'] };

const CA_DAYS = 365;
const SERVER_DAYS = 30;
const DAY_MS = 86_400_000;

export interface SandboxCa {
  certificatePem: string;
  privateKeyPem: string;
  /** ca.pem in the data directory: what clients trust. */
  path: string;
}

/** A TLS key and certificate for the sandbox server, PEM. */
export interface ServerIdentity {
  key: string;
  cert: string;
}

function p256(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** ca.pem and ca_key.pem (0600) of the data directory: read back, or made when missing or expiring within a day. */
export async function loadOrCreateSandboxCa(dataDir: string): Promise<SandboxCa> {
  const path = join(dataDir, DATA_FILES.ca);
  const keyPath = join(dataDir, DATA_FILES.caKey);
  if (existsSync(path) && existsSync(keyPath)) {
    const certificatePem = readFileSync(path, 'utf8');
    if (certificateValidFor(certificatePem, DAY_MS))
      return { certificatePem, privateKeyPem: readFileSync(keyPath, 'utf8'), path };
  }
  const keys = p256();
  const certificatePem = await issueCertificate({
    commonName: 'payscore-conformance sandbox CA (local, test only)',
    serialHex: newSerialHex(),
    days: CA_DAYS,
    publicKeyPem: keys.publicKeyPem,
    signerKeyPem: keys.privateKeyPem,
    authority: true,
  });
  writeFileSync(keyPath, keys.privateKeyPem, { mode: 0o600 });
  writeFileSync(path, certificatePem);
  return { certificatePem, privateKeyPem: keys.privateKeyPem, path };
}

/** A fresh server key and certificate for SANDBOX_NAMES, signed by the CA; kept in memory only. */
export async function issueServerIdentity(ca: SandboxCa): Promise<ServerIdentity> {
  const keys = p256();
  const leaf = await issueCertificate({
    commonName: WECHAT_API_HOSTS[0],
    serialHex: newSerialHex(),
    days: SERVER_DAYS,
    publicKeyPem: keys.publicKeyPem,
    signerKeyPem: ca.privateKeyPem,
    issuerCertificatePem: ca.certificatePem,
    ...SANDBOX_NAMES,
  });
  return { key: keys.privateKeyPem, cert: leaf };
}
