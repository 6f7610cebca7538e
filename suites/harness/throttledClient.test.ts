// The suites' client against a local server that throttles: a 429 is waited out and sent again,
// re-signed, with the same body bytes; only a non-429 answer comes back; the budget bounds it all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../../client';
import { startLocalServer, testProfile, type LocalServer, type TestProfile } from '../../client/testing';
import { readThrottling } from '../../judgement';
import { adaptiveLimit } from './adaptiveLimit';
import { throttleBudget } from './throttleBudget';
import { backoffMs, retryAfterMs, throttledClient } from './throttledClient';

let server: LocalServer;
let target: TestProfile;
let answers: Array<[status: number, headers?: Record<string, string>]>;
let reports: string;

beforeAll(async () => {
  server = await startLocalServer((_req, res) => {
    const [status, headers] = answers.shift() ?? [200];
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end('{"code":"X","message":"x"}');
  });
  target = testProfile(server.baseUrl);
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
  reports = mkdtempSync(join(tmpdir(), 'payscore-throttle-'));
});
afterEach(() => rmSync(reports, { recursive: true, force: true }));

const clientWith = (budgetMs: number, concurrency = 4) => {
  const budget = throttleBudget({ reportsDir: reports, throttleBudgetMs: budgetMs });
  return throttledClient(createClient(target.profile), adaptiveLimit(concurrency), budget);
};

describe('throttledClient', () => {
  test('waits out 429s (Retry-After honoured), re-signs each attempt, keeps the body bytes, returns the first other answer', async () => {
    answers = [[429, { 'Retry-After': '1' }], [429], [200]];
    const started = performance.now();
    const exchange = await clientWith(10_000).send({ body: '{"x":"同"}' });
    expect(exchange).toMatchObject({ attempts: 3, response: { status: 200 } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000 + 100 - 10);
    expect(server.seen.map((s) => s.body.toString())).toEqual(Array(3).fill('{"x":"同"}'));
    const nonces = server.seen.map((s) => /nonce_str="([^"]+)"/.exec(String(s.headers.authorization))?.[1]);
    expect(new Set(nonces).size).toBe(3);
    expect(readThrottling([join(reports, 'evidence')])).toMatchObject({ answers: 2, notExercised: [] });
  });

  test('a 5xx is an answer, judged as a server fault: never sent again', async () => {
    answers = [[503], [200]];
    const exchange = await clientWith(10_000).send({ body: '{}' });
    expect(exchange.response?.status).toBe(503);
    expect(server.seen).toHaveLength(1);
  });

  test('once the budget is spent, the 429 comes back (the test is then not exercised)', async () => {
    answers = [[429, { 'Retry-After': '5' }], [200]];
    const exchange = await clientWith(1_000).send({ body: '{}' });
    expect(exchange.response?.status).toBe(429);
    expect(server.seen).toHaveLength(1);
  });

  test('the budget is the wall time spent waiting, counted once for requests waiting together', async () => {
    answers = Array.from({ length: 8 }, () => [429, { 'Retry-After': '1' }] as [number, Record<string, string>]);
    const client = clientWith(1_600, 8);
    const all = await Promise.all(Array.from({ length: 8 }, () => client.send({ body: '{}' })));
    // Eight requests waited one second together: 1 s of budget, not 8; all were answered 200.
    expect(all.map((e) => e.response?.status)).toEqual(Array(8).fill(200));
    expect(readThrottling([join(reports, 'evidence')]).waitedMs).toBeLessThan(1_600);
  });
});

describe('Retry-After and backoff', () => {
  const withRetryAfter = (value: string) =>
    ({ response: { status: 429, headers: { 'retry-after': value }, body: Buffer.alloc(0) } }) as never;
  test('Retry-After is delay-seconds or an HTTP date; anything else is ignored', () => {
    expect(retryAfterMs(withRetryAfter('2'))).toBe(2000);
    expect(retryAfterMs(withRetryAfter('Thu, 03 Dec 2026 12:00:10 GMT'), Date.parse('2026-12-03T12:00:00Z'))).toBe(
      10_000,
    );
    expect(retryAfterMs(withRetryAfter('soon'))).toBeUndefined();
  });
  test('backoff doubles per attempt, jittered within its upper half, capped at 5 s', () => {
    expect([0, 1, 2].map((a) => backoffMs(a, () => 0))).toEqual([50, 100, 200]);
    expect([0, 1, 2].map((a) => backoffMs(a, () => 1))).toEqual([100, 200, 400]);
    expect(backoffMs(20, () => 1)).toBe(5_000);
  });
});

describe('adaptiveLimit', () => {
  test('keeps at most max in flight, halves once per round on a 429, grows back on answers', async () => {
    const limit = adaptiveLimit(8);
    const tickets = await Promise.all(Array.from({ length: 8 }, () => limit.acquire()));
    let ninth = false;
    void limit.acquire().then(() => (ninth = true));
    await new Promise((r) => setImmediate(r));
    expect(ninth).toBe(false);
    // Two 429s of the same round cut the limit once.
    limit.release(tickets[0]!, true);
    limit.release(tickets[1]!, true);
    expect(limit.limit).toBe(4);
    for (const t of tickets.slice(2)) limit.release(t, false);
    expect(limit.limit).toBe(5);
  });

  test('with a limit of 1 the requests go out in the order asked', async () => {
    const limit = adaptiveLimit(1);
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        const t = await limit.acquire();
        order.push(i);
        await new Promise((r) => setTimeout(r, 5));
        limit.release(t, false);
      }),
    );
    expect(order).toEqual([0, 1, 2, 3]);
  });
});
