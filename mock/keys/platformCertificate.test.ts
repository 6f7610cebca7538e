import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';

// Certificate mode on a machine without the openssl CLI: the platform certificate is issued in process.
// A child process, because Jest's process.env is a copy that child_process does not read. It starts
// ts-node and makes two RSA keys: ~2 s quiet, past Jest's default 5 s on a busy 2-core machine.
jest.setTimeout(60_000);

test('certificate-mode key material is made with no openssl on PATH', async () => {
  const script = `const { generateKeyMaterial } = require(${JSON.stringify(join(__dirname, 'generateKeyMaterial'))});
process.stdout.write(JSON.stringify(generateKeyMaterial('certificate').platform));`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', require.resolve('ts-node/register/transpile-only'), '-e', script],
    { env: { ...process.env, PATH: '/nonexistent' } },
  );
  const platform = JSON.parse(stdout) as { publicKeyPem: string; certificate: { serial: string; pem: string } };
  const cert = new X509Certificate(platform.certificate.pem);
  expect(cert.serialNumber.toUpperCase()).toBe(platform.certificate.serial);
  expect(cert.publicKey.export({ type: 'spki', format: 'pem' })).toBe(platform.publicKeyPem);
  expect(cert.verify(cert.publicKey)).toBe(true);
});
