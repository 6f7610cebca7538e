// The console's routes without a browser (cli/mockConsole.browser.test.ts drives the page): loopback only, clear
// refusals, switches that act on the next request and never lock the console out, a feed bounded by its ring.
import type { MockContext } from '../context';
import { controlRoute } from '../control';
import type { FreshMock } from '../index';
import { createMockWithFreshKeys, mockRequest, validBody } from '../testing';
import { createConsole, FEED_CAPACITY, requestFeed } from './index';

let mock: FreshMock;
let base = '';
beforeAll(async () => {
  mock = createMockWithFreshKeys({ console: true, faults: ['never-expire'] });
  base = await mock.listen();
});
afterAll(() => mock.server.stop());

const switchTo = (body: unknown, contentType = 'application/json') =>
  fetch(`${base}/__console/switches`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: JSON.stringify(body),
  });

describe('the console routes', () => {
  test('the page lists every fault and reading; the JSON endpoints answer', async () => {
    const page = await fetch(`${base}/__console`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('id="fault-system-error"');
    expect(html).toContain('id="reading-null-as-absent"');
    expect(html).toContain('No client report: start the mock with <code>--audit DIR</code>');
    expect(((await (await fetch(`${base}/__console/orders`)).json()) as { count: number }).count).toBe(0);
  });

  test('a caller that is not on this machine gets the control interface’s refusal', async () => {
    // Only the refusal is reached: the context needs no more than the configuration the switches read.
    const console = createConsole({ config: {} } as MockContext);
    const from = { remoteAddress: '192.0.2.7', body: Buffer.alloc(0) };
    const outcome = await console.route({ ...from, method: 'GET', url: '/__console', headers: {} });
    const control = await controlRoute(mock.server.control, { ...from, method: 'POST', path: '/__control/reset' });
    expect(outcome).toMatchObject({ answer: { status: control.status, code: control.code } });
    expect(control.code).toBe('NO_AUTH');
    expect(JSON.stringify(outcome)).toContain('loopback callers only, not 192.0.2.7');
  });

  test('bad switches are refused with a reason and change nothing', async () => {
    const answers = await Promise.all([
      switchTo({ kind: 'fault', name: 'system-error', on: true }, 'text/plain'),
      switchTo({ kind: 'fault', name: 'no-such-fault', on: true }),
      switchTo({ kind: 'gremlin', name: 'system-error', on: true }),
      switchTo({ kind: 'fault', name: 'system-error', on: 'yes' }),
      switchTo({ kind: 'fault', name: 'never-expire', on: false }),
    ]);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as Array<{ code: string; message: string }>;
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400]);
    expect(bodies.map((b) => b.code)).toEqual(Array(5).fill('PARAM_ERROR'));
    expect(bodies[4]?.message).toContain('restart it without --fault never-expire');
    expect((await mockRequest(mock, validBody(mock.config.identities))).status).toBe(200);
  });

  test('a fault switched on answers the next request, the console keeps answering, and off restores it', async () => {
    expect((await switchTo({ kind: 'fault', name: 'rate-limit-all', on: true })).status).toBe(200);
    const limited = await mockRequest(mock, validBody(mock.config.identities));
    expect([limited.status, limited.json['code']]).toEqual([429, 'FREQUENCY_LIMITED']);
    const feed = (await (await fetch(`${base}/__console/requests`)).json()) as {
      requests: Array<{ status: number; code?: string }>;
    };
    expect(feed.requests.at(-1)).toMatchObject({ status: 429, code: 'FREQUENCY_LIMITED' });
    expect(feed.requests.some((r) => r.status === 200)).toBe(true);
    const off = await switchTo({ kind: 'fault', name: 'rate-limit-all', on: false });
    expect(((await off.json()) as Array<{ name: string; on: boolean }>).filter((s) => s.on).map((s) => s.name)).toEqual(
      ['never-expire'],
    );
    expect((await mockRequest(mock, validBody(mock.config.identities))).status).toBe(200);
  });

  test('unknown pages, other methods and the report without --audit are clear JSON errors', async () => {
    const missing = await fetch(`${base}/__console/nothing`);
    const put = await fetch(`${base}/__console/orders`, { method: 'PUT' });
    const report = await fetch(`${base}/__console/report`);
    expect([missing.status, put.status, put.headers.get('allow'), report.status]).toEqual([404, 405, 'GET', 404]);
    expect(((await report.json()) as { message: string }).message).toContain('--audit DIR');
  });

  test('a client report that cannot be written is a clear 500, not a crash', async () => {
    const broken = createMockWithFreshKeys({
      material: mock.material,
      console: true,
      tap: {
        deliver: (_request, answer, res) => void res.writeHead(answer.status, answer.headers).end(answer.body),
        clientReport: () => {
          throw new Error("EACCES: permission denied, open 'audit/client-report.html'");
        },
      },
    });
    const url = await broken.listen();
    try {
      const res = await fetch(`${url}/__console/report`);
      const body = (await res.json()) as { code: string; message: string };
      expect([res.status, body.code]).toEqual([500, 'SYSTEM_ERROR']);
      expect(body.message).toContain('the client report could not be written: EACCES');
      expect((await fetch(`${url}/__console`)).status).toBe(200);
    } finally {
      await broken.server.stop();
    }
  });

  test('without console: true there is no console', async () => {
    const plain = createMockWithFreshKeys({ material: mock.material });
    const url = await plain.listen();
    try {
      const res = await fetch(`${url}/__console`);
      expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([404, 'NOT_FOUND']);
    } finally {
      await plain.server.stop();
    }
  });
});

describe('the request feed', () => {
  const entry = (n: number) => ({ at: '', method: 'POST', path: `/p${n}`, status: 200, ms: 1 });

  test('keeps the latest FEED_CAPACITY requests however many arrive, and answers those after a seq', () => {
    const feed = requestFeed();
    for (let n = 1; n <= FEED_CAPACITY * 3 + 7; n++) feed.record(entry(n));
    const kept = feed.after(0);
    expect(kept).toHaveLength(FEED_CAPACITY);
    expect(kept[0]?.seq).toBe(FEED_CAPACITY * 2 + 8);
    expect(kept.at(-1)).toMatchObject({ seq: FEED_CAPACITY * 3 + 7, path: `/p${FEED_CAPACITY * 3 + 7}` });
    expect(feed.after(FEED_CAPACITY * 3 + 5).map((e) => e.seq)).toEqual([FEED_CAPACITY * 3 + 6, FEED_CAPACITY * 3 + 7]);
  });

  test('keeps the broken rules of a request and how many judged it; cuts a long path', () => {
    const feed = requestFeed(2);
    feed.record({
      ...entry(1),
      path: `/${'x'.repeat(5000)}`,
      findings: [{ ruleId: 'CLIENT-USER-AGENT', seen: 'no User-Agent header' }, { ruleId: 'CLIENT-SIGNATURE' }],
    });
    const [kept] = feed.after(0);
    expect(kept?.findings).toEqual([{ ruleId: 'CLIENT-USER-AGENT', seen: 'no User-Agent header', verdict: 'failed' }]);
    expect(kept?.judged).toBe(2);
    expect(kept?.path.length).toBeLessThan(600);
  });
});
