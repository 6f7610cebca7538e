// BODY-COST-BOUND: how long the mock takes to judge a hostile body at the size limit. Each body of
// the corpus (bench/hostileBodies.ts) is sent signed to an in-process mock, one at a time,
// BENCH_REPEAT times (default 5); the figure is the mock's own time per request (its log line's `ms`:
// from the request head to the answer written — body read, signature checked, judged, signed).
// Per body it prints the median and the maximum of the repeats: on a machine shared with other
// processes the maximum also measures their preemption, the median what the body costs.
// The goal: the worst body's median under 50 ms. Run: npm run bench bodyCost
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { BODY_LIMITS } from '../mock';
import { createMockWithFreshKeys, mockRequest } from '../mock/testing';
import { hostileBodies } from './hostileBodies';

const REPEAT = Number(process.env['BENCH_REPEAT'] ?? 5);
const BUDGET_MS = 50;

async function main(): Promise<void> {
  const loadAtStart = loadavg().map((n) => n.toFixed(2));
  let last: { ms: number; status: number; code?: string } | undefined;
  const mock = createMockWithFreshKeys({
    logger: (line) => {
      last = JSON.parse(line) as typeof last;
    },
  });
  await mock.listen();
  try {
    const corpus = hostileBodies(mock.config.identities);
    // Warm-up: compile the validators and let the JIT see every path once.
    for (const { body } of corpus) await mockRequest(mock, body);
    const rows: Array<{
      name: string;
      bytes: number;
      status: number;
      code: string;
      medianMs: number;
      maxMs: number;
      clientMedianMs: number;
    }> = [];
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    for (const { name, body } of corpus) {
      if (body.length > BODY_LIMITS.maxBytes)
        throw new Error(`corpus body "${name}" is ${body.length} bytes, over the limit`);
      const server: number[] = [];
      const client: number[] = [];
      let answer = { status: 0, code: '' };
      for (let i = 0; i < REPEAT; i++) {
        const started = performance.now();
        const res = await mockRequest(mock, body);
        client.push(performance.now() - started);
        server.push(last?.ms ?? Infinity);
        answer = { status: res.status, code: String(res.json['code'] ?? 'OK') };
      }
      rows.push({
        name,
        bytes: body.length,
        ...answer,
        medianMs: median(server),
        maxMs: Math.max(...server),
        clientMedianMs: Math.round(median(client) * 10) / 10,
      });
    }
    console.log(`load average at start (1/5/15 min): ${loadAtStart.join(' / ')}`);
    console.log(`${corpus.length} hostile bodies, each sent ${REPEAT}×; size limit ${BODY_LIMITS.maxBytes} bytes`);
    console.log('  server median / max (client median)');
    for (const r of rows)
      console.log(
        `  ${r.medianMs.toFixed(1).padStart(6)} / ${r.maxMs.toFixed(1).padStart(6)} ms (${String(r.clientMedianMs).padStart(6)} ms)  ${String(r.bytes).padStart(8)} B  ${r.status} ${r.code.padEnd(16)} ${r.name}`,
      );
    const worst = rows.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
    const worstMax = Math.max(...rows.map((r) => r.maxMs));
    console.log(
      `worst case (median of ${REPEAT}): ${worst.medianMs.toFixed(1)} ms (${worst.name}); goal < ${BUDGET_MS} ms: ${worst.medianMs < BUDGET_MS ? 'met' : 'NOT met'}; slowest single request ${worstMax.toFixed(1)} ms`,
    );
    console.log(
      JSON.stringify({
        loadAverageAtStart: loadAtStart,
        bodies: rows.length,
        worstMedianMs: worst.medianMs,
        worstBody: worst.name,
        slowestSingleMs: worstMax,
        budgetMs: BUDGET_MS,
        rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
      }),
    );
    if (rows.some((r) => r.status >= 500)) process.exitCode = 1;
  } finally {
    await mock.server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
