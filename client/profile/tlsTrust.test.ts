// The profile's `tls` section: validated with clear errors, named in plain words, and obeyed by the client
// against a real HTTPS server whose certificate no system CA vouches for.
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createClient } from '../createClient';
import { loopbackServerIdentity, tempDir, testProfile } from '../testing';
import { describeTlsTrust, tlsFixFor, tlsTrustOf, type TlsTrust } from './tlsTrust';
import type { ProfileProblem } from './profileError';

const dir = tempDir('payscore-tls-trust-');
const caPath = join(dir, 'ca.pem');
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  const { key, cert } = await loopbackServerIdentity('staging');
  writeFileSync(caPath, cert);
  writeFileSync(join(dir, 'not-a-cert.pem'), '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n');
  writeFileSync(join(dir, 'garbled.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
  server = createServer({ key, cert }, (_req, res) => res.writeHead(404).end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

function trustOf(section: unknown, url = 'https://staging.example'): { trust?: TlsTrust; problems: ProfileProblem[] } {
  const problems: ProfileProblem[] = [];
  const trust = tlsTrustOf(section, url, dir, problems);
  return { ...(trust === undefined ? {} : { trust }), problems };
}

describe('tls in a profile', () => {
  test.each([
    [{ caPath: 'missing.pem' }, 'tls.caPath', 'file missing'],
    [{ caPath: 'not-a-cert.pem' }, 'tls.caPath', 'no -----BEGIN CERTIFICATE----- block'],
    [{ caPath: 'garbled.pem' }, 'tls.caPath', 'not a readable X.509 certificate'],
    [{ caPath: 'ca.pem', insecure: true }, 'tls', 'names both caPath and insecure: true'],
  ])('%j: %s %s', (section, field, problem) => {
    const { trust, problems } = trustOf(section);
    expect(trust).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ field, problem: expect.stringContaining(problem) as string })]);
  });

  test('the schema refuses unknown fields and a non-boolean insecure, naming them', () => {
    expect(() => testProfile('https://staging.example', { tls: { insecure: 'yes', ca: 'x' } })).toThrow(
      /tls\.insecure[\s\S]*boolean[\s\S]*tls\.ca: is not a profile field|tls\.ca: is not a profile field[\s\S]*tls\.insecure/,
    );
  });

  test.each([
    [undefined, 'https://staging.example', /^system CAs/],
    [{ caPath: 'ca.pem' }, 'https://staging.example', /^CA file .*\/ca\.pem \(sha256 [0-9a-f]{64}\)$/],
    [{ insecure: true }, 'https://staging.example', /^TLS NOT verified \(tls\.insecure: true\)$/],
    [{ caPath: 'ca.pem' }, 'http://127.0.0.1:8080', /^no TLS \(http target\)$/],
  ])('%j for %s is described as %s', (section, url, words) => {
    expect(describeTlsTrust(trustOf(section, url).trust, {})).toMatch(words);
  });

  test('the system CAs name NODE_EXTRA_CA_CERTS when it is set', () => {
    expect(describeTlsTrust({ kind: 'system' }, { NODE_EXTRA_CA_CERTS: '/etc/extra.pem' })).toBe(
      'system CAs and NODE_EXTRA_CA_CERTS /etc/extra.pem',
    );
  });
});

describe('the client obeys it against an HTTPS server with a private certificate', () => {
  const answer = async (extra: Record<string, unknown>) => {
    const client = createClient(testProfile(baseUrl, extra).profile, { timeoutMs: 5000 });
    try {
      return await client.send({ method: 'GET', path: '/', sign: false });
    } finally {
      client.close();
    }
  };

  test('without tls the certificate is not trusted, and the fix names tls.caPath', async () => {
    const exchange = await answer({});
    expect(exchange.transportError?.message).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
    expect(tlsFixFor(exchange.transportError?.message ?? '')).toContain('tls.caPath');
  });

  test('tls.caPath trusts it; the curl line trusts the same file', async () => {
    const exchange = await answer({ tls: { caPath } });
    expect(exchange.response?.status).toBe(404);
    expect(exchange.curl).toContain(`--cacert '${caPath}'`);
  });

  test('tls.insecure skips verification; the curl line says --insecure', async () => {
    const exchange = await answer({ tls: { insecure: true } });
    expect(exchange.response?.status).toBe(404);
    expect(exchange.curl).toContain('--insecure');
  });
});
