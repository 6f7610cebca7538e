// Benchmark of the reference mock: valid signed creates per second with SQLite on disk, latency,
// RSS after 100k orders, and the ratio to the RSA signing bound measured in the same run.
// Run: npx ts-node --transpile-only bench/mock.bench.ts   (about a minute on 2 cores)
// Knobs: BENCH_REQUESTS (24000), BENCH_CONCURRENCY (16 keep-alive connections), BENCH_THREADPOOL (the
// server's UV_THREADPOOL_SIZE; unset = Node's default 4, as the mock runs), BENCH_HELPER_NICE (the `mock`
// command's --helper-nice; unset = its default; 0 = helper threads at the event loop's priority),
// BENCH_PROFILE=<dir> (server CPU profile).
//
// The bound: one core's RSA-2048 PKCS#1 v1.5 SHA-256 signing rate, measured in this process with
// synchronous signs of a 900-byte message for 2 s, just before the load phase. Every create costs the
// server one such sign (the response signature), so a server limited to one core can never exceed it.
// The server signs on libuv's thread pool: on a 2-core machine its RSA work and its I/O then run on
// different cores, while the load generator (this process) shares those same 2 cores. As the `mock`
// command does, the server runs its helper threads below its event loop (--helper-nice, default 10): a
// pool thread woken for a sign would otherwise preempt the loop on its core for most of the sign.
// Requests are signed before the timed phase, and the load generator speaks HTTP/1.1 over raw keep-alive sockets
// (it still checks every response's status and signature), so that it costs as little CPU as possible.
import { fork, type ChildProcess } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { newNonce, signRequest, verifyResponseSignature } from '../apiv3';
import { ENDPOINT_PATH } from '../specification';
import { responseReader } from './responseReader';
import { signingBound } from './signingBound';
import { DEFAULT_HELPER_NICE, lowerHelperThreadPriority, startStandaloneMock } from '../mock';
import {
  configFromMaterial,
  loadOrInitDataDir,
  validBody,
  type HelperPriority,
  type StoredOrder,
} from '../mock/testing';

const WARMUP = 2_000;
const MEASURED = Number(process.env['BENCH_REQUESTS'] ?? 24_000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const THREADPOOL = process.env['BENCH_THREADPOOL'];
const HELPER_NICE = Number(process.env['BENCH_HELPER_NICE'] ?? DEFAULT_HELPER_NICE);
const FILL_TO = 100_000;

type ChildMessage =
  | { cpuMicros: number; elu: EventLoopUtilization }
  | { url: string; priority: HelperPriority }
  | { filled: number; rssBefore: number; rssAfter: number; ms: number };

/** The server side: the standalone mock on a data dir, as the `mock` command starts it; fills the store on request. */
async function serve(dataDir: string): Promise<void> {
  const mock = await startStandaloneMock({ dataDir, port: 0 });
  process.send?.({ url: mock.url, priority: await lowerHelperThreadPriority(HELPER_NICE) });
  process.on('message', (message: { fill?: number; stop?: boolean; cpu?: boolean }) => {
    if (message.cpu === true)
      process.send?.({
        cpuMicros: process.cpuUsage().user + process.cpuUsage().system,
        elu: performance.eventLoopUtilization(),
      });
    if (message.stop === true) void mock.stop().then(() => process.exit(0));
    if (message.fill === undefined) return;
    const store = mock.server.store;
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const template = store.getByOrderId(String(message.fill)) ?? undefined;
    const base: Omit<StoredOrder, 'orderId' | 'outOrderNo'> = template ?? {
      mchid: mock.profile.mchid,
      subMchid: mock.profile.identities.sub_mchid,
      requestCanonical: '{}',
      responseBody: '{}',
      state: 'DOING',
      stateDescription: 'USER_CONFIRM',
      createdAt: Date.now(),
      updatedAt: Date.now(),
    };
    let filled = 0;
    for (let i = store.count(); i < message.fill; i++, filled++) {
      store.insertOrGet({ ...base, orderId: `FILL${i}`, outOrderNo: `FILL${i}` });
    }
    process.send?.({ filled, rssBefore, rssAfter: process.memoryUsage().rss, ms: performance.now() - started });
  });
}

/** CPU time (ms) all cores of the machine spent busy so far, every process included. */
function machineBusyMs(): number {
  return cpus().reduce((sum, c) => sum + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
}

function nextMessage(child: ChildProcess): Promise<ChildMessage> {
  return new Promise((resolve) => child.once('message', (m) => resolve(m as ChildMessage)));
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const loadAtStart = loadavg().map((n) => Number(n.toFixed(2)));
  const dataDir = mkdtempSync(join(tmpdir(), 'payscore-mock-bench-'));
  const profile =
    process.env['BENCH_PROFILE'] === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE']}`];
  const child = fork(__filename, ['--serve', dataDir], {
    execArgv: ['-r', 'ts-node/register/transpile-only', ...profile],
    stdio: 'inherit',
    env: THREADPOOL === undefined ? process.env : { ...process.env, UV_THREADPOOL_SIZE: THREADPOOL },
  });
  try {
    const ready = (await nextMessage(child)) as { url: string; priority: HelperPriority };
    const material = loadOrInitDataDir(dataDir, 'public-key');
    const platformKey = configFromMaterial(material, 'public-key').platformKeys[0]!;
    const merchantKey = createPrivateKey(material.merchant.privateKeyPem);
    const url = new URL(ENDPOINT_PATH, ready.url);

    const total = WARMUP + MEASURED;
    const presignStart = performance.now();
    const requests = Array.from({ length: total }, () => {
      const body = Buffer.from(JSON.stringify(validBody(material.identities)));
      const { authorization } = signRequest({
        method: 'POST',
        pathWithQuery: ENDPOINT_PATH,
        body,
        mchid: material.mchid,
        serialNo: material.merchant.serialNo,
        privateKey: merchantKey,
        timestamp: Math.floor(Date.now() / 1000),
        nonce: newNonce(),
      });
      const head = `POST ${ENDPOINT_PATH} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: ${authorization}\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
      return Buffer.concat([Buffer.from(head, 'latin1'), body]);
    });
    const presignSeconds = (performance.now() - presignStart) / 1000;

    const publicKey = createPublicKey(material.platform.publicKeyPem);
    const keyOf = (s: string) => (s === platformKey.serial ? publicKey : undefined);
    const sockets = await Promise.all(
      Array.from(
        { length: CONCURRENCY },
        () =>
          new Promise<Socket>((resolve, reject) => {
            const socket = connect(Number(url.port), url.hostname, () => resolve(socket));
            socket.setNoDelay(true);
            socket.once('error', reject);
          }),
      ),
    );
    const latencies: number[] = [];
    let valid = 0;
    let invalid = 0;
    let next = 0;
    let measuredStart = 0;
    const worker = async (socket: Socket): Promise<void> => {
      const read = responseReader(socket);
      while (next < total) {
        const i = next++;
        if (i === WARMUP) measuredStart = performance.now();
        const started = performance.now();
        socket.write(requests[i]!);
        const res = await read();
        const verdict = verifyResponseSignature({
          headers: res.headers,
          body: res.body,
          platformKey: keyOf,
          now: Math.floor(Date.now() / 1000),
        });
        if (i < WARMUP) continue;
        latencies.push(performance.now() - started);
        if (res.status === 200 && verdict.ok) valid++;
        else invalid++;
      }
    };

    const bound = signingBound(material.platform.privateKeyPem);
    child.send({ cpu: true });
    const serverCpuBefore = (await nextMessage(child)) as { cpuMicros: number; elu: EventLoopUtilization };
    const loadStart = performance.now();
    const clientCpuBefore = process.cpuUsage();
    const machineBefore = machineBusyMs();
    await Promise.all(sockets.map(worker));
    const seconds = (performance.now() - measuredStart) / 1000;
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const machineCores = (machineBusyMs() - machineBefore) / 1000 / loadSeconds;
    child.send({ cpu: true });
    const serverAfter = (await nextMessage(child)) as { cpuMicros: number; elu: EventLoopUtilization };
    const serverCpu = serverAfter.cpuMicros - serverCpuBefore.cpuMicros;
    const serverLoopBusy = performance.eventLoopUtilization(serverAfter.elu, serverCpuBefore.elu).utilization;
    for (const socket of sockets) socket.destroy();

    child.send({ fill: FILL_TO });
    const fill = (await nextMessage(child)) as { filled: number; rssBefore: number; rssAfter: number; ms: number };

    latencies.sort((a, b) => a - b);
    const rate = valid / seconds;
    const serverCores = serverCpu / 1e6 / loadSeconds;
    const clientCores = (clientCpu.user + clientCpu.system) / 1e6 / loadSeconds;
    const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MiB`;
    const summary = {
      cores: cpus().length,
      loadAverageAtStart: loadAtStart,
      concurrency: CONCURRENCY,
      serverThreadpool: Number(THREADPOOL ?? process.env['UV_THREADPOOL_SIZE'] ?? 4),
      serverHelperThreads: ready.priority.applied
        ? `${ready.priority.threads} at nice ${ready.priority.nice}`
        : `unchanged (${ready.priority.reason})`,
      measuredRequests: MEASURED,
      validSignedCreatesPerSecond: Math.round(rate),
      invalidAnswers: invalid,
      p50Ms: Number(percentile(latencies, 0.5).toFixed(2)),
      p99Ms: Number(percentile(latencies, 0.99).toFixed(2)),
      boundOneCoreSignsPerSecond: Math.round(bound),
      ratioToOneCoreBound: Number((rate / bound).toFixed(3)),
      serverCpuMicrosPerCreate: Math.round(serverCpu / total),
      clientCpuMicrosPerCreate: Math.round((clientCpu.user + clientCpu.system) / total),
      rsaSignMicros: Math.round(1e6 / bound),
      coresBusyServer: Number(serverCores.toFixed(2)),
      coresBusyLoadGenerator: Number(clientCores.toFixed(2)),
      serverEventLoopUtilization: Number(serverLoopBusy.toFixed(2)),
      coresBusyOtherProcesses: Number(Math.max(0, machineCores - serverCores - clientCores).toFixed(2)),
      presignSeconds: Number(presignSeconds.toFixed(1)),
      rssAfter100kOrders: mb(fill.rssAfter),
      rssBeforeFill: mb(fill.rssBefore),
      filledViaStoreDirectly: fill.filled,
      fillSeconds: Number((fill.ms / 1000).toFixed(1)),
    };
    console.log(`load average at start (1/5/15 min): ${loadAtStart.join(' / ')} on ${summary.cores} cores`);
    console.log(
      `valid signed creates/s: ${summary.validSignedCreatesPerSecond} (${MEASURED} requests, ${CONCURRENCY} connections, SQLite WAL in ${tmpdir()}, server UV_THREADPOOL_SIZE=${summary.serverThreadpool}, helper threads ${summary.serverHelperThreads})`,
    );
    console.log(`latency p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms; invalid answers: ${invalid}`);
    console.log(
      `bound = one core's RSA-2048 signs/s, measured in-process just before the load phase: ${summary.boundOneCoreSignsPerSecond}`,
    );
    console.log(
      `ratio to the one-core bound: ${(summary.ratioToOneCoreBound * 100).toFixed(1)}% (goal >= 70%); this 2-core machine (server + load generator) achieved ${summary.validSignedCreatesPerSecond}/s`,
    );
    console.log(
      `CPU per create: server ${summary.serverCpuMicrosPerCreate} µs (one RSA sign ≈ ${summary.rsaSignMicros} µs), load generator ${summary.clientCpuMicrosPerCreate} µs (warm-up included)`,
    );
    console.log(
      `cores busy during the load phase: server ${summary.coresBusyServer}, load generator ${summary.coresBusyLoadGenerator}, other processes ${summary.coresBusyOtherProcesses}; server event loop busy ${(summary.serverEventLoopUtilization * 100).toFixed(0)}% of the time`,
    );
    console.log(
      `RSS after ${FILL_TO} orders: ${summary.rssAfter100kOrders} (before fill ${summary.rssBeforeFill}; ${fill.filled} orders inserted through the store directly)`,
    );
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
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
