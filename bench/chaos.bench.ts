// The chaos run (issue 12): hostile input against the standalone mock on 127.0.0.1 only, bounded in
// count (BENCH_CHAOS_N per category, default 150) and time (BENCH_CHAOS_SECONDS, default 240).
// Categories: malformed JSON and UTF-8, oversized and at-the-limit bodies, deep nesting, hostile
// keys, protocol garbage, slow headers, concurrent identical and conflicting creates, and a kill -9
// under load with every acknowledged order replayed after the restart. It prints the counts; any 5xx,
// crash, bare (unsigned or non-JSON) answer, unanswered request or lost order fails it (exit 1).
// Run: npm run bench chaos   (BENCH_SEED=N repeats a run)
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromMaterial, loadOrInitDataDir, rawExchange, validBody } from '../mock/testing';
import { chaosCases, seededRandom } from './chaosCases';
import { count, newTally, problemsOf, type Tally } from './chaosTally';
import { pool, startMockChild, type MockChild } from './mockChild';
import { requestSigner } from './signedRequest';

const N = Number(process.env['BENCH_CHAOS_N'] ?? 150);
const SECONDS = Number(process.env['BENCH_CHAOS_SECONDS'] ?? 240);
const SEED = Number(process.env['BENCH_SEED'] ?? Date.now() % 1_000_000);
const CONCURRENCY = 8;
const ROUNDS = 10;
const CONCURRENT_CREATES = 40;
const LOAD_MS = 1_500;

async function main(): Promise<void> {
  const loadAtStart = loadavg().map((x) => x.toFixed(2));
  const dataDir = mkdtempSync(join(tmpdir(), 'payscore-chaos-'));
  const material = loadOrInitDataDir(dataDir, 'public-key');
  const platformKeys = configFromMaterial(material, 'public-key').platformKeys;
  const signer = requestSigner(material);
  const random = seededRandom(SEED);
  const tallies: Record<string, Tally> = {};
  const findings = { crashes: 0, splitOrders: 0, lostOrders: 0, acknowledged: 0, replayed: 0 };
  const deadline = setTimeout(() => {
    console.error(`chaos: over ${SECONDS} s; stopping (not a pass)`);
    process.exit(1);
  }, SECONDS * 1000);
  let mock: MockChild = await startMockChild(dataDir);
  const exchange = (bytes: Buffer, slowMs?: number) =>
    rawExchange(
      mock.url,
      bytes,
      platformKeys,
      slowMs === undefined ? { timeoutMs: 20_000 } : { chunkBytes: 1, delayMs: slowMs, timeoutMs: 20_000 },
    );
  try {
    for (const [category, cases] of Object.entries(
      chaosCases(signer, material.identities, random, { perCategory: N }),
    )) {
      const tally = (tallies[category] = newTally());
      await pool(cases, category === 'slow headers' ? cases.length : CONCURRENCY, async (c) =>
        count(tally, c.name, await exchange(c.bytes, c.slowMs)),
      );
      if (mock.crashed()) findings.crashes++;
    }

    // Concurrent identical creates: one order_id per round. Conflicting ones: the 200s share it, the rest are 400.
    for (const kind of ['identical creates', 'conflicting creates'] as const) {
      const tally = (tallies[kind] = newTally());
      for (let round = 0; round < ROUNDS; round++) {
        const base = validBody(material.identities);
        const bodies = Array.from({ length: CONCURRENT_CREATES }, (_, i) =>
          JSON.stringify(kind === 'identical creates' ? base : { ...base, attach: `variant ${i % 4}` }),
        );
        const answers = await Promise.all(bodies.map((b) => exchange(signer.bytes(b, { close: true }))));
        answers.forEach((a, i) => count(tally, `${kind} round ${round} #${i}`, a));
        const ids = new Set(answers.filter((a) => a.status === 200).map((a) => String(a.json?.['order_id'])));
        const okCount = answers.filter((a) => a.status === 200).length;
        if (ids.size !== 1 || (kind === 'identical creates' && okCount !== CONCURRENT_CREATES)) findings.splitOrders++;
      }
    }

    // kill -9 under load; then every acknowledged create, replayed, must answer the same order_id.
    const loadTally = (tallies['kill -9 under load'] = newTally());
    const acknowledged: Array<{ body: string; orderId: string }> = [];
    let killing = false;
    const killer = setTimeout(() => {
      killing = true;
      void mock.kill('SIGKILL');
    }, LOAD_MS);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (!killing) {
          const body = JSON.stringify(validBody(material.identities));
          const answer = await exchange(signer.bytes(body, { close: true }));
          count(loadTally, 'create under load', answer, killing);
          if (answer.status === 200) acknowledged.push({ body, orderId: String(answer.json?.['order_id']) });
        }
      }),
    );
    clearTimeout(killer);
    await new Promise((resolve) => setTimeout(resolve, 200));
    mock = await startMockChild(dataDir);
    const replayTally = (tallies['replay after restart'] = newTally());
    findings.acknowledged = acknowledged.length;
    await pool(acknowledged, CONCURRENCY, async ({ body, orderId }) => {
      const answer = await exchange(signer.bytes(body, { close: true }));
      count(replayTally, 'replay of an acknowledged create', answer);
      findings.replayed++;
      if (answer.status !== 200 || answer.json?.['order_id'] !== orderId) findings.lostOrders++;
    });
    if (mock.crashed()) findings.crashes++;
  } finally {
    clearTimeout(deadline);
    if (!mock.crashed()) await mock.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }

  console.log(
    `load average at start (1/5/15 min): ${loadAtStart.join(' / ')}; seed ${SEED} (BENCH_SEED=${SEED} repeats it)`,
  );
  console.log('category                     sent  5xx bare unanswered  by status');
  for (const [name, t] of Object.entries(tallies)) {
    console.log(
      `${name.padEnd(28)} ${String(t.sent).padStart(5)} ${String(t.serverErrors).padStart(4)} ${String(t.bare).padStart(4)} ${String(t.unanswered).padStart(10)}  ${JSON.stringify(t.byStatus)}`,
    );
    for (const example of t.examples) console.log(`    ${example}`);
  }
  const problems =
    Object.values(tallies).reduce((sum, t) => sum + problemsOf(t), 0) +
    findings.crashes +
    findings.splitOrders +
    findings.lostOrders;
  console.log(
    `crashes ${findings.crashes}, rounds with more than one order_id ${findings.splitOrders}/${2 * ROUNDS}, acknowledged before kill -9 ${findings.acknowledged}, replayed ${findings.replayed}, lost ${findings.lostOrders}`,
  );
  console.log(`problems: ${problems}`);
  console.log(
    JSON.stringify({
      seed: SEED,
      loadAverageAtStart: loadAtStart,
      problems,
      ...findings,
      requests: Object.values(tallies).reduce((s, t) => s + t.sent, 0),
    }),
  );
  if (problems > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
