// Cost of one APIv3 sign and one verify through the signing core, next to what `openssl speed rsa2048`
// reports on the same machine. Not a test: run `node -r ts-node/register/transpile-only bench/signing.bench.ts`.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { ENDPOINT_PATH } from '../specification';
import { signRequest, signResponse, verifyRequestSignature, verifyResponseSignature } from '../apiv3';

const ITERATIONS = Number(process.env['BENCH_ITERATIONS'] ?? 2000);
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const body = JSON.stringify({
  service_id: '2002000000000558128851361561536',
  service_introduction: '某某酒店',
  risk_fund: { name: 'DEPOSIT', amount: 10000 },
});
const now = Math.floor(Date.now() / 1000);
const sign = () =>
  signRequest({
    method: 'POST',
    pathWithQuery: ENDPOINT_PATH,
    body,
    mchid: '1230000109',
    serialNo: 'ABCDEF0123',
    privateKey,
    timestamp: now,
    nonce: 'N',
  });
const signed = sign();
const responseHeaders = { ...signResponse({ body, privateKey, serial: 'PUB_KEY_ID_1', timestamp: now, nonce: 'N' }) };

/** µs per call, after a short warm-up. */
function measure(fn: () => unknown): number {
  for (let i = 0; i < Math.min(100, ITERATIONS); i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1000 / ITERATIONS;
}

/** sign/s and verify/s from the `rsa 2048 bits` line, found by its header's column names (they vary by OpenSSL version). */
function opensslSpeed(): { sign: number; verify: number } | { error: string } {
  try {
    const out = execFileSync('openssl', ['speed', '-seconds', '2', 'rsa2048'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const lines = out.split('\n');
    const header =
      lines
        .find((l) => /sign\/s\s+verify\/s/.test(l))
        ?.trim()
        .split(/\s+/) ?? [];
    const row =
      lines
        .find((l) => /^rsa\s+2048 bits/.test(l))
        ?.replace(/^rsa\s+2048 bits\s+/, '')
        .trim()
        .split(/\s+/) ?? [];
    const at = (name: string) => Number(row[header.indexOf(name)]);
    const result = { sign: at('sign/s'), verify: at('verify/s') };
    return Number.isFinite(result.sign) && Number.isFinite(result.verify)
      ? result
      : { error: 'could not parse openssl speed output' };
  } catch (e) {
    return { error: `openssl speed failed: ${(e as Error).message}` };
  }
}

const ours = {
  'sign request (message + RSA + header)': measure(sign),
  'verify request (parse + RSA)': measure(() =>
    verifyRequestSignature({
      method: 'POST',
      pathWithQuery: ENDPOINT_PATH,
      body,
      authorization: signed.authorization,
      merchantKey: () => publicKey,
      now,
    }),
  ),
  'verify response': measure(() =>
    verifyResponseSignature({ headers: responseHeaders, body, platformKey: () => publicKey, now }),
  ),
};
const speed = opensslSpeed();
const reference = (label: string) =>
  'error' in speed ? undefined : label.startsWith('sign') ? speed.sign : speed.verify;

console.log(`signing core, RSA-2048, ${ITERATIONS} iterations, node ${process.version}`);
console.log(
  `${'operation'.padEnd(40)} ${'µs/op'.padStart(9)} ${'ops/s'.padStart(9)} ${'openssl ops/s'.padStart(14)} ${'ours/openssl'.padStart(13)}`,
);
for (const [label, us] of Object.entries(ours)) {
  const ref = reference(label);
  const ops = 1e6 / us;
  console.log(
    `${label.padEnd(40)} ${us.toFixed(1).padStart(9)} ${ops.toFixed(0).padStart(9)} ${(ref?.toFixed(0) ?? '-').padStart(14)} ${(ref === undefined ? '-' : (ops / ref).toFixed(2)).padStart(13)}`,
  );
}
if ('error' in speed) console.log(speed.error);
