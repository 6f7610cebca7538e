// X.509 issuance with @peculiar/x509 over node:crypto's WebCrypto: node:crypto reads certificates but
// cannot issue one, and the openssl CLI is not there on every machine that installs the package.
import 'reflect-metadata'; // @peculiar/x509 throws at load without it: keep this import first
import { createPrivateKey, createPublicKey, webcrypto, type KeyObject } from 'node:crypto';
import * as x509 from '@peculiar/x509';

type X509Crypto = Parameters<typeof x509.cryptoProvider.set>[0];
const provider = webcrypto as unknown as X509Crypto;
x509.cryptoProvider.set(provider);

/** What to certify, and who signs. Keys are PEM (PKCS#8 private, SPKI public); RSA or EC P-256. */
export interface CertificateOrder {
  commonName: string;
  /** Hex, positive (no leading 8-F nibble). */
  serialHex: string;
  days: number;
  /** The subject's public key. */
  publicKeyPem: string;
  /** The signing key: the subject's own (self-signed) or the issuer's. */
  signerKeyPem: string;
  /** The issuer's certificate; absent: self-signed. */
  issuerCertificatePem?: string;
  /** A certificate authority (basicConstraints CA, keyCertSign). */
  authority?: boolean;
  /** Subject alternative names of a server certificate. */
  dnsNames?: string[];
  ipAddresses?: string[];
}

type Algorithm = webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams;

function algorithmOf(key: KeyObject): Algorithm {
  if (key.asymmetricKeyType === 'rsa') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1')
    return { name: 'ECDSA', namedCurve: 'P-256' };
  throw new Error(`cannot certify a ${key.asymmetricKeyType ?? 'unknown'} key: RSA or EC P-256 only`);
}

const der = (key: KeyObject, type: 'pkcs8' | 'spki'): Buffer => key.export({ format: 'der', type });

function extensionsOf(order: CertificateOrder, subjectKey: webcrypto.CryptoKey): Promise<x509.Extension[]> {
  const usage = order.authority
    ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature
    : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(order.authority === true, undefined, true),
    new x509.KeyUsagesExtension(usage, true),
  ];
  const names = [
    ...(order.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(order.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  if (names.length > 0) {
    extensions.push(new x509.SubjectAlternativeNameExtension(names, false));
    extensions.push(new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false));
  }
  return x509.SubjectKeyIdentifierExtension.create(subjectKey, false, provider).then((ski) => [...extensions, ski]);
}

/** Issues one certificate; returns it as PEM. */
export async function issueCertificate(order: CertificateOrder): Promise<string> {
  const subjectKey = createPublicKey(order.publicKeyPem);
  const signerKey = createPrivateKey(order.signerKeyPem);
  const subtle = webcrypto.subtle;
  const publicKey = await subtle.importKey('spki', der(subjectKey, 'spki'), algorithmOf(subjectKey), true, ['verify']);
  const signingKey = await subtle.importKey('pkcs8', der(signerKey, 'pkcs8'), algorithmOf(signerKey), false, ['sign']);
  const extensions = await extensionsOf(order, publicKey);
  const issuer =
    order.issuerCertificatePem === undefined ? undefined : new x509.X509Certificate(order.issuerCertificatePem);
  if (issuer !== undefined) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuer, false, provider));
  const notBefore = new Date(Date.now() - 60_000); // a minute of clock skew between here and the peer
  // A UTF8String value, not the string `CN=…`: the string form is parsed as RFC 4514 (and plain JSON values are
  // unquoted and unescaped), so a comma ended the name: "sandbox CA (local, test only)" became "…CA (local".
  const subject = new x509.Name([{ CN: [{ utf8String: order.commonName }] }]);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: order.serialHex,
    subject,
    issuer: issuer?.subjectName ?? subject,
    notBefore,
    notAfter: new Date(notBefore.getTime() + order.days * 86_400_000),
    publicKey,
    signingKey,
    signingAlgorithm: signingKey.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : signingKey.algorithm,
    extensions,
  });
  return certificate.toString('pem');
}
