// `mock --tls`: a local CA in the data directory, a server certificate for loopback and WeChat's host
// names (cli/mockTls.test.ts drives it through the command and the client).
import { readFileSync, statSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { connect, type PeerCertificate } from 'node:tls';
import { startStandaloneMock, type StandaloneMock } from '../standalone';
import { tempDirs } from '../testing';
import { SANDBOX_NAMES, WECHAT_API_HOSTS } from '.';

const dirs = tempDirs('payscore-tls-');
let mock: StandaloneMock;
let dataDir: string;

beforeAll(async () => {
  dataDir = dirs.fresh();
  mock = await startStandaloneMock({ dataDir, port: 0, tls: true });
});
afterAll(async () => {
  await mock.stop();
  dirs.removeAll();
});

/** The certificate the mock presents under `servername`, verified against ca.pem only. */
function handshake(servername: string, ca?: string): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = connect(
      { host: '127.0.0.1', port: Number(new URL(mock.url).port), servername, ...(ca === undefined ? {} : { ca }) },
      () => {
        resolve(socket.getPeerCertificate());
        socket.end();
      },
    );
    socket.on('error', reject);
  });
}

describe('mock --tls', () => {
  test('writes ca.pem, keeps its key 0600 beside it, and names the CA in the profile, not the key', () => {
    expect(mock.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.caPath).toBe(`${dataDir}/ca.pem`);
    expect(readFileSync(`${dataDir}/ca.pem`, 'utf8')).toContain('BEGIN CERTIFICATE');
    expect(statSync(`${dataDir}/ca_key.pem`).mode & 0o777).toBe(0o600);
    const profile = readFileSync(mock.profilePath, 'utf8');
    expect(JSON.parse(profile)).toMatchObject({ baseUrl: mock.url, tls: { caPath: 'ca.pem' } });
    expect(profile).not.toContain('ca_key');
  });

  test.each([...WECHAT_API_HOSTS, 'localhost'])('serves a certificate the CA vouches for under %s', async (name) => {
    const peer = await handshake(name, readFileSync(`${dataDir}/ca.pem`, 'utf8'));
    for (const dns of SANDBOX_NAMES.dnsNames) expect(peer.subjectaltname).toContain(`DNS:${dns}`);
    expect(peer.subjectaltname).toContain('IP Address:127.0.0.1');
  });

  test("the CA's subject is whole (a trust store shows its full name, comma and all)", async () => {
    const ca = new X509Certificate(readFileSync(`${dataDir}/ca.pem`, 'utf8'));
    expect(ca.subject).toBe('CN=payscore-conformance sandbox CA (local\\, test only)');
    const peer = await handshake('localhost', ca.toString());
    expect(peer.issuer.CN).toBe('payscore-conformance sandbox CA (local, test only)');
  });

  test('a client that does not trust ca.pem is refused the handshake', async () => {
    await expect(handshake('api.mch.weixin.qq.com')).rejects.toThrow(/certificate/i);
  });

  test('a second start reuses the CA, so a client trusting it keeps working', async () => {
    const before = readFileSync(`${dataDir}/ca.pem`, 'utf8');
    const again = await startStandaloneMock({ dataDir, port: 0, tls: true });
    await again.stop();
    expect(readFileSync(`${dataDir}/ca.pem`, 'utf8')).toBe(before);
  });
});
