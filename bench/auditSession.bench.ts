// A long session under `mock --audit`: a team's integration tests pointed at one mock for days. Sends
// BENCH_AUDIT_REQUESTS signed creates (default 200 000; a mix of correct ones and three kinds of faulty ones)
// to the `mock --audit` command, then prints the mock's RSS after warm-up and at the end, the time of
// `GET /__control/audit`, the size of the report files, and whether the report names every rule broken with
// its first example. Goals (issue 29): RSS growth < 50 MB after warm-up, the audit answer < 1 s, reports < 10 MB.
// Run: npm run bench auditSession   (a few minutes on 2 cores: every request costs this process an RSA sign)
import { spawn } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { newNonce, signRequest } from '../apiv3';
import { validBody } from '../mock/testing';
import { ENDPOINT_PATH, type BoundIdentities } from '../specification';

const TOTAL = Number(process.env['BENCH_AUDIT_REQUESTS'] ?? 200_000);
const WARMUP = Math.min(10_000, Math.floor(TOTAL / 10));
const CONCURRENCY = 32;
// The same traffic first to a mock without --audit (the mock's own growth), then with it; BENCH_AUDIT=1 only with.
const SESSIONS = process.env['BENCH_AUDIT'] === '1' ? [true] : [false, true];
const root = join(__dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'payscore-audit-bench-'));
const auditDir = join(dir, 'audit');

/** Which kind of request the i-th is: most correct, a share with one client-rule defect each. */
const KINDS = [
  { name: 'reused nonce', rule: 'CLIENT-NONCE', every: 10, offset: 3 },
  { name: 'no User-Agent', rule: 'CLIENT-USER-AGENT', every: 20, offset: 5 },
  { name: 'signed over other bytes', rule: 'CLIENT-SIGNATURE', every: 50, offset: 7 },
] as const;
const kindOf = (i: number) => KINDS.find((k) => i % k.every === k.offset);

function startMock(audit: boolean): Promise<{ pid: number; url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      join(root, 'bin', 'payscore-conformance.js'),
      'mock',
      ...(audit ? ['--audit', auditDir] : []),
      ...['--data-dir', dir, '--port', '0', '--quiet'],
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the mock exited before listening (code ${code})`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      const url = /listening on (\S+)/.exec(line)?.[1];
      if (url === undefined) return reject(new Error(`unexpected first line: ${line}`));
      resolve({
        pid: child.pid ?? 0,
        url,
        stop: () => new Promise((done) => child.once('exit', () => done()).kill('SIGTERM')),
      });
    });
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const rssMb = (pid: number): number =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function session(audit: boolean): Promise<number> {
  rmSync(dir, { recursive: true, force: true });
  const mock = await startMock(audit);
  const profile = JSON.parse(readFileSync(join(dir, 'profile.json'), 'utf8')) as {
    mchid: string;
    merchant: { serialNo: string };
    identities: BoundIdentities;
  };
  const privateKey = createPrivateKey(readFileSync(join(dir, 'merchant_key.pem'), 'utf8'));
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const reused = newNonce();
  const send = (i: number): Promise<void> => {
    const kind = kindOf(i)?.rule;
    const body = Buffer.from(JSON.stringify(validBody(profile.identities)), 'utf8');
    const { authorization } = signRequest({
      method: 'POST',
      pathWithQuery: ENDPOINT_PATH,
      body: kind === 'CLIENT-SIGNATURE' ? Buffer.concat([body, Buffer.from(' ')]) : body,
      mchid: profile.mchid,
      serialNo: profile.merchant.serialNo,
      privateKey,
      timestamp: Math.floor(Date.now() / 1000),
      nonce: kind === 'CLIENT-NONCE' ? reused : newNonce(),
    });
    const headers: Record<string, string> = {
      Authorization: authorization,
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ...(kind === 'CLIENT-USER-AGENT' ? {} : { 'User-Agent': 'audit-session-bench' }),
    };
    return new Promise((done, fail) => {
      const req = request(`${mock.url}${ENDPOINT_PATH}`, { method: 'POST', agent, headers }, (res) => {
        res.resume();
        res.once('end', () => done());
      });
      req.once('error', fail);
      req.end(body);
    });
  };
  let next = 0;
  // RSS saws with every garbage collection: sample it every 1 000 requests and compare medians.
  const samples: number[] = [];
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < TOTAL) {
        const i = next++;
        await send(i);
        if (i >= WARMUP && i % 1_000 === 0) samples.push(rssMb(mock.pid));
        if (i > 0 && i % 20_000 === 0)
          console.error(
            `  ${i} requests, ${((Date.now() - started) / 1000).toFixed(0)} s, RSS ${rssMb(mock.pid).toFixed(0)} MB`,
          );
      }
    }),
  );
  const tenth = Math.max(1, Math.floor(samples.length / 10));
  const baseline = median(samples.slice(0, tenth));
  const end = median(samples.slice(-tenth));
  if (!audit) {
    console.log(
      `without --audit: mock RSS ${baseline.toFixed(0)} MB after warm-up, ${end.toFixed(0)} MB at the end (medians of the first and last tenth of the samples): +${(end - baseline).toFixed(1)} MB`,
    );
    await mock.stop();
    agent.destroy();
    return end - baseline;
  }
  const asked = Date.now();
  const answered = await fetch(`${mock.url}/__control/audit`).then((r) => r.json() as Promise<{ requests: number }>);
  const auditMs = Date.now() - asked;
  const afterAudit = rssMb(mock.pid);
  await mock.stop();
  agent.destroy();
  const files = readdirSync(auditDir).map((f) => ({ f, bytes: statSync(join(auditDir, f)).size }));
  const total = files.reduce((sum, x) => sum + x.bytes, 0);
  const report = JSON.parse(readFileSync(join(auditDir, 'client-report.json'), 'utf8')) as {
    rows: Array<{ id: string; verdict: string; failures: Array<{ detail: string }> }>;
  };
  console.log(`requests sent: ${TOTAL} (warm-up ${WARMUP}); the audit counted ${answered.requests}`);
  console.log(
    `mock RSS: ${baseline.toFixed(0)} MB after warm-up, ${end.toFixed(0)} MB at the end (medians of the first and last tenth of the samples): +${(end - baseline).toFixed(1)} MB (goal < 50); ${afterAudit.toFixed(0)} MB after the audit`,
  );
  console.log(`GET /__control/audit: ${auditMs} ms (goal < 1000)`);
  console.log(
    `report files: ${(total / 1e6).toFixed(2)} MB (goal < 10): ${files.map((x) => `${x.f} ${(x.bytes / 1e3).toFixed(0)} kB`).join(', ')}`,
  );
  for (const k of KINDS) {
    const row = report.rows.find((r) => r.id === k.rule);
    const first = row?.failures[0]?.detail.split('\n')[0] ?? '(none)';
    console.log(`${k.rule} (${k.name}): ${row?.verdict ?? 'absent'}; first example: ${first.slice(0, 140)}`);
  }
  return end - baseline;
}

async function main(): Promise<void> {
  const growth: number[] = [];
  for (const audit of SESSIONS) growth.push(await session(audit));
  if (growth.length === 2)
    console.log(
      `the audit's own growth: +${((growth[1] ?? 0) - (growth[0] ?? 0)).toFixed(1)} MB over ${TOTAL - WARMUP} requests`,
    );
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
