// Benchmark of the reference mock: valid signed creates per second with SQLite on disk, latency,
// RSS after 100k orders, and the ratio to the RSA signing bound measured in the same run.
// Run: npx ts-node --transpile-only bench/mock.bench.ts   (about a minute on 2 cores)
//
// The mock runs in a child process (one core); this process is the load generator (the other
// core). Requests are signed before the timed phase, because the client's own RSA signing would
// otherwise compete with the server's for the same bound. Each server create costs one RSA verify
// and one RSA sign (the response signature), so the signing rate of one core is its ceiling.
import { fork, type ChildProcess } from 'node:child_process';
import { createPrivateKey, createPublicKey, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { newNonce, signRequest, verifyResponseSignature } from '../client/signing';
import { ENDPOINT_PATH } from '../spec';
import { configFromMaterial, loadOrInitDataDir, startStandaloneMock, validBody, type StoredOrder } from '../mock';

const WARMUP = 2_000;
const MEASURED = Number(process.env['BENCH_REQUESTS'] ?? 24_000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const FILL_TO = 100_000;

type ChildMessage = { cpuMicros: number } | { url: string } | { filled: number; rssBefore: number; rssAfter: number; ms: number };

/** The server side: the standalone mock on a data dir; fills the store on request. */
async function serve(dataDir: string): Promise<void> {
  const mock = await startStandaloneMock({ dataDir, port: 0 });
  process.send?.({ url: mock.url });
  process.on('message', (message: { fill?: number; stop?: boolean; cpu?: boolean }) => {
    if (message.cpu === true) process.send?.({ cpuMicros: process.cpuUsage().user + process.cpuUsage().system });
    if (message.stop === true) void mock.stop().then(() => process.exit(0));
    if (message.fill === undefined) return;
    const store = mock.server.store;
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const template = store.getByOrderId(String(message.fill)) ?? undefined;
    const base: Omit<StoredOrder, 'orderId' | 'outOrderNo'> = template ?? {
      mchid: mock.profile.mchid, subMchid: mock.profile.identities.sub_mchid, requestCanonical: '{}', responseBody: '{}',
      state: 'DOING', stateDescription: 'USER_CONFIRM', createdAt: Date.now(), updatedAt: Date.now(),
    };
    let filled = 0;
    for (let i = store.count(); i < message.fill; i++, filled++) {
      store.insertOrGet({ ...base, orderId: `FILL${i}`, outOrderNo: `FILL${i}` });
    }
    process.send?.({ filled, rssBefore, rssAfter: process.memoryUsage().rss, ms: performance.now() - started });
  });
}

function signingBound(privateKeyPem: string): number {
  const key = createPrivateKey(privateKeyPem);
  const message = randomBytes(900);
  for (let i = 0; i < 200; i++) sign('sha256', message, key);
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < 2000) {
    sign('sha256', message, key);
    n++;
  }
  return n / ((performance.now() - started) / 1000);
}

function nextMessage(child: ChildProcess): Promise<ChildMessage> {
  return new Promise((resolve) => child.once('message', (m) => resolve(m as ChildMessage)));
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'payscore-mock-bench-'));
  const child = fork(__filename, ['--serve', dataDir], { execArgv: ['-r', 'ts-node/register/transpile-only', ...(process.env['BENCH_PROFILE'] === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE']}`])], stdio: 'inherit' });
  try {
    const ready = (await nextMessage(child)) as { url: string };
    const material = loadOrInitDataDir(dataDir, 'public-key');
    const platformKey = configFromMaterial(material, 'public-key').platformKeys[0]!;
    const merchantKey = createPrivateKey(material.merchant.privateKeyPem);
    const bound = signingBound(material.platform.privateKeyPem);

    const total = WARMUP + MEASURED;
    const presignStart = performance.now();
    const requests = Array.from({ length: total }, () => {
      const body = Buffer.from(JSON.stringify(validBody(material.identities)));
      const { authorization } = signRequest({ method: 'POST', pathWithQuery: ENDPOINT_PATH, body, mchid: material.mchid, serialNo: material.merchant.serialNo, privateKey: merchantKey, timestamp: Math.floor(Date.now() / 1000), nonce: newNonce() });
      return { body, authorization };
    });
    const presignSeconds = (performance.now() - presignStart) / 1000;

    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const url = new URL(ENDPOINT_PATH, ready.url);
    const publicKey = createPublicKey(material.platform.publicKeyPem);
    const latencies: number[] = [];
    let valid = 0;
    let invalid = 0;
    let next = 0;
    let measuredStart = 0;
    const one = (i: number): Promise<void> => new Promise((resolve, reject) => {
      const { body, authorization } = requests[i]!;
      const started = performance.now();
      const req = request(url, { method: 'POST', agent, headers: { Authorization: authorization, Accept: 'application/json', 'Content-Type': 'application/json', 'Content-Length': body.length } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const verdict = verifyResponseSignature({ headers: res.headers as Record<string, string>, body: raw, platformKey: (s) => (s === platformKey.serial ? publicKey : undefined), now: Math.floor(Date.now() / 1000) });
          if (i >= WARMUP) {
            latencies.push(performance.now() - started);
            if (res.statusCode === 200 && verdict.ok) valid++;
            else invalid++;
          }
          resolve();
        });
      });
      req.on('error', reject);
      req.on('socket', (socket) => socket.setNoDelay(true));
      req.end(body);
    });
    const worker = async (): Promise<void> => {
      while (next < total) {
        const i = next++;
        if (i === WARMUP) measuredStart = performance.now();
        await one(i);
      }
    };
    child.send({ cpu: true });
    const cpuBefore = (await nextMessage(child)) as { cpuMicros: number };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - measuredStart) / 1000;
    child.send({ cpu: true });
    const serverCpuMicrosPerCreate = ((await nextMessage(child)) as { cpuMicros: number }).cpuMicros - cpuBefore.cpuMicros;
    agent.destroy();

    child.send({ fill: FILL_TO });
    const fill = (await nextMessage(child)) as { filled: number; rssBefore: number; rssAfter: number; ms: number };

    latencies.sort((a, b) => a - b);
    const rate = valid / seconds;
    const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MiB`;
    const summary = {
      cores: cpus().length,
      concurrency: CONCURRENCY,
      measuredRequests: MEASURED,
      validSignedCreatesPerSecond: Math.round(rate),
      invalidAnswers: invalid,
      p50Ms: Number(percentile(latencies, 0.5).toFixed(2)),
      p99Ms: Number(percentile(latencies, 0.99).toFixed(2)),
      rsaSignOpsPerSecondOneCore: Math.round(bound),
      ratioToSigningBound: Number((rate / bound).toFixed(3)),
      serverCpuMicrosPerCreate: Math.round(serverCpuMicrosPerCreate / total),
      rsaSignMicros: Math.round(1e6 / bound),
      presignSeconds: Number(presignSeconds.toFixed(1)),
      rssAfter100kOrders: mb(fill.rssAfter),
      rssBeforeFill: mb(fill.rssBefore),
      filledViaStoreDirectly: fill.filled,
      fillSeconds: Number((fill.ms / 1000).toFixed(1)),
    };
    console.log(`valid signed creates/s: ${summary.validSignedCreatesPerSecond} (${MEASURED} requests, ${CONCURRENCY} concurrent, SQLite WAL in ${tmpdir()})`);
    console.log(`latency p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms; invalid answers: ${invalid}`);
    console.log(`RSA-2048 sign ops/s on one core: ${summary.rsaSignOpsPerSecondOneCore}; ratio ${(summary.ratioToSigningBound * 100).toFixed(1)}% (goal >= 70%)`);
    console.log(`server CPU per create (warm-up included): ${summary.serverCpuMicrosPerCreate} µs, of which one RSA sign ≈ ${summary.rsaSignMicros} µs`);
    console.log(`RSS after ${FILL_TO} orders: ${summary.rssAfter100kOrders} (before fill ${summary.rssBeforeFill}; ${fill.filled} orders inserted through the store directly)`);
    console.log(JSON.stringify(summary));
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ stop: true });
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') void serve(process.argv[3] ?? '');
else main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
