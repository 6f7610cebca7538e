// `mock --tls --proxy` as a user starts it, and the profile it writes used by the client as `run` uses
// it: HTTPS verified against the data directory's ca.pem with no extra environment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, describeTlsTrust, loadProfile } from '../client';
import type { MockProfile } from '../mock/testing';
import { validBody } from '../specification/testing';
import { mockCommand } from './mockCommand';
import { captureIo, tempDirs } from './testing/captureIo';

const freshDir = tempDirs('payscore-mock-tls-');

test('--help names --tls and --proxy', async () => {
  const c = captureIo();
  expect(await mockCommand(['--help'], c.io)).toBe(0);
  expect(c.out.join('\n')).toMatch(/--tls[\s\S]*--proxy PORT/);
});

test.each([
  [['--proxy', 'x'], '--proxy'],
  [['--proxy', '70000'], '--proxy'],
  [['--workers', '2', '--tls'], '--tls'],
  [['--workers', '2', '--proxy', '0'], '--proxy'],
])('%j exits 2 with a message naming %s', async (argv, flag) => {
  const c = captureIo();
  expect(await mockCommand(argv, c.io)).toBe(2);
  expect(c.err.join('\n')).toContain(flag);
});

test('mock --tls --proxy 0: prints both addresses; its profile creates an order over verified HTTPS', async () => {
  const dir = freshDir();
  const abort = new AbortController();
  const c = captureIo();
  const argv = ['--tls', '--proxy', '0', '--port', '0', '--data-dir', dir, '--quiet', '--helper-nice', '0'];
  const running = mockCommand(argv, { ...c.io, signal: abort.signal });
  try {
    for (let i = 0; i < 100 && c.out.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(c.out[0]).toMatch(/listening on https:\/\/127\.0\.0\.1:\d+ .*profile\.json/);
    expect(c.out[1]).toMatch(/proxy on http:\/\/127\.0\.0\.1:\d+ for https:\/\/api\.mch\.weixin\.qq\.com .*ca\.pem/);
    const profile = loadProfile(join(dir, 'profile.json'), {});
    const mockProfile = JSON.parse(readFileSync(join(dir, 'profile.json'), 'utf8')) as MockProfile;
    expect(describeTlsTrust(profile.tlsTrust)).toBe(
      `CA file ${join(dir, 'ca.pem')} (sha256 ${(profile.tlsTrust as { sha256: string }).sha256})`,
    );
    const client = createClient(profile);
    try {
      const exchange = await client.createOrder(validBody(mockProfile.identities));
      expect(exchange.transportError).toBeUndefined();
      expect(exchange.response?.status).toBe(200);
      expect(exchange.signature).toEqual({ ok: true });
      expect(exchange.curl).toContain(`--cacert '${join(dir, 'ca.pem')}'`);
    } finally {
      client.close();
    }
  } finally {
    abort.abort();
  }
  expect(await running).toBe(0);
});
