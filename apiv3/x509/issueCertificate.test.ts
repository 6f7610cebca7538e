import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { issueCertificate, issueCertificateSync, type CertificateOrder } from '.';

type PemPair = { privateKey: string; publicKey: string };
const privateKeyEncoding = { type: 'pkcs8', format: 'pem' } as const;
const publicKeyEncoding = { type: 'spki', format: 'pem' } as const;
const rsa = (): PemPair => generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding, publicKeyEncoding });
const p256 = (): PemPair =>
  generateKeyPairSync('ec', { namedCurve: 'prime256v1', privateKeyEncoding, publicKeyEncoding });
const ed25519 = (): PemPair => generateKeyPairSync('ed25519', { privateKeyEncoding, publicKeyEncoding });

const selfSigned = (keys: PemPair, extra: Partial<CertificateOrder> = {}) => ({
  commonName: 'test subject',
  serialHex: '1A2B3C4D5E6F708192A3B4C5D6E7F801',
  days: 2,
  publicKeyPem: keys.publicKey,
  signerKeyPem: keys.privateKey,
  ...extra,
});

describe('issueCertificate (@peculiar/x509 over node:crypto)', () => {
  test('a self-signed RSA certificate (the platform certificate) that node:crypto reads and verifies', async () => {
    const keys = rsa();
    const cert = new X509Certificate(await issueCertificate(selfSigned(keys)));
    expect(cert.serialNumber.toUpperCase()).toBe('1A2B3C4D5E6F708192A3B4C5D6E7F801');
    expect(cert.subject).toBe('CN=test subject');
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.publicKey.export({ type: 'spki', format: 'pem' })).toBe(keys.publicKey);
    expect(cert.ca).toBe(false);
    const days = (new Date(cert.validTo).getTime() - new Date(cert.validFrom).getTime()) / 86_400_000;
    expect(days).toBeCloseTo(2, 5);
  });

  test('a CA and a server certificate it signs, with the names a TLS client checks', async () => {
    const caKeys = p256();
    const ca = new X509Certificate(await issueCertificate(selfSigned(caKeys, { commonName: 'ca', authority: true })));
    const leafKeys = p256();
    const leaf = new X509Certificate(
      await issueCertificate({
        ...selfSigned(leafKeys, { commonName: 'api.mch.weixin.qq.com' }),
        signerKeyPem: caKeys.privateKey,
        issuerCertificatePem: ca.toString(),
        dnsNames: ['localhost', 'api.mch.weixin.qq.com'],
        ipAddresses: ['127.0.0.1'],
      }),
    );
    expect(ca.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.verify(leaf.publicKey)).toBe(false);
    expect(leaf.checkHost('api.mch.weixin.qq.com')).toBe('api.mch.weixin.qq.com');
    expect(leaf.checkHost('api.mch.weixin.qq.com.example')).toBeUndefined();
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.keyUsage).toContain('1.3.6.1.5.5.7.3.1'); // serverAuth
  });

  test('a common name with RFC 4514 specials is kept whole, in subject and issuer', async () => {
    const caKeys = p256();
    const name = 'sandbox CA (local, test only) + "quoted"; <x> \\ #1';
    const ca = new X509Certificate(await issueCertificate(selfSigned(caKeys, { commonName: name, authority: true })));
    const leafKeys = p256();
    const leaf = new X509Certificate(
      await issueCertificate({
        ...selfSigned(leafKeys, { commonName: 'leaf' }),
        signerKeyPem: caKeys.privateKey,
        issuerCertificatePem: ca.toString(),
      }),
    );
    // node:crypto prints the subject with RFC 4514 escapes: undo them to compare the value itself.
    const cn = (dn: string) =>
      dn
        .split('\n')
        .find((line) => line.startsWith('CN='))
        ?.slice(3)
        .replace(/\\(.)/g, '$1');
    expect(cn(ca.subject)).toBe(name);
    expect(cn(leaf.issuer)).toBe(name);
    expect(leaf.checkIssued(ca)).toBe(true);
  });

  test('a key it cannot certify is refused by name', async () => {
    await expect(issueCertificate(selfSigned(ed25519()))).rejects.toThrow('RSA or EC P-256 only');
  });
});

describe('issueCertificateSync (the same issuance, for synchronous callers)', () => {
  test('issues the certificate it is asked for', () => {
    const cert = new X509Certificate(issueCertificateSync(selfSigned(rsa(), { commonName: 'sync' })));
    expect(cert.subject).toBe('CN=sync');
    expect(cert.verify(cert.publicKey)).toBe(true);
  });

  test('passes the error of the helper thread on', () => {
    expect(() => issueCertificateSync(selfSigned(ed25519()))).toThrow(
      'cannot issue the certificate: cannot certify a ed25519 key: RSA or EC P-256 only',
    );
  });
});
