// A full default conformance run against the embedded mock (≥100 valid property cases, every
// boundary, every invalid rule, auth, headers, idempotency, lifecycle): wall time, requests per
// second and the share of time spent in RSA. Goal: under 30 s wall on the 2-core machine.
// Run: npm run bench conformance
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { signMessage, verifyMessage } from '../apiv3';

function microsPerOp(iterations: number, op: () => void): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) op();
  return Number(process.hrtime.bigint() - start) / 1000 / iterations;
}

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const message = Buffer.from('POST\n/v3/payscore/acquiringbank/serviceorder\n1795745436\nNONCE\n{"a":1}\n');
const signature = signMessage(message, privateKey);
const signUs = microsPerOp(500, () => signMessage(message, privateKey));
const verifyUs = microsPerOp(2000, () => verifyMessage(message, signature, publicKey));

const dir = mkdtempSync(join(tmpdir(), 'payscore-bench-'));
const log = join(dir, 'mock.log');
console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const started = process.hrtime.bigint();
let exit = 0;
try {
  execFileSync(
    process.execPath,
    [resolve(__dirname, '..', 'bin', 'payscore-conformance.js'), 'run', '--reports', join(dir, 'reports')],
    {
      env: { ...process.env, PAYSCORE_MOCK_LOG: log, PAYSCORE_PROFILE: '' },
      stdio: 'ignore',
    },
  );
} catch (error) {
  exit = (error as { status?: number }).status ?? -1;
}
const wallS = Number(process.hrtime.bigint() - started) / 1e9;
const requests = readFileSync(log, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '').length;
const summary = JSON.parse(readFileSync(join(dir, 'reports', 'conformance-report.json'), 'utf8')) as {
  summary: Record<string, number>;
};
rmSync(dir, { recursive: true, force: true });

// Each exchange costs 2 signs (client request, mock answer) and 2 verifies (mock, client).
const rsaS = (requests * (2 * signUs + 2 * verifyUs)) / 1e6;
console.log(
  `full default run: exit ${exit}, ${wallS.toFixed(1)} s wall (goal < 30 s: ${wallS < 30 ? 'met' : 'NOT met'})`,
);
console.log(
  `rules: ${summary.summary['covered']}/${summary.summary['rules']} covered, ${summary.summary['passed']} passed, ${summary.summary['failed']} failed`,
);
console.log(
  `requests: ${requests}, ${(requests / wallS).toFixed(0)} requests/s over the whole run (Jest start-up included)`,
);
console.log(`RSA-2048 here: sign ${signUs.toFixed(0)} µs, verify ${verifyUs.toFixed(0)} µs`);
console.log(
  `time in RSA: ${rsaS.toFixed(2)} core-seconds = ${((100 * rsaS) / wallS).toFixed(1)}% of wall time, ${((100 * rsaS) / (2 * wallS)).toFixed(1)}% of the 2 cores`,
);
