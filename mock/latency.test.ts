import { latencyMs } from './requestHandler';
import type { FreshMock } from './index';
import { expectStatus, createMockWithFreshKeys, mockRequest, rawExchange, validBody } from './testing';

// `mock --latency MS[,JITTER]`: every answer waits, the endpoint's and the protocol answers alike.
describe('latencyMs', () => {
  test('draws uniformly within MS ± JITTER and is 0 without latency', () => {
    expect(latencyMs(undefined)).toBe(0);
    expect(latencyMs({ ms: 200, jitterMs: 20 }, () => 0)).toBe(180);
    expect(latencyMs({ ms: 200, jitterMs: 20 }, () => 0.5)).toBe(200);
    expect(latencyMs({ ms: 200, jitterMs: 20 }, () => 0.999_999)).toBe(220);
    expect(latencyMs({ ms: 50, jitterMs: 0 }, Math.random)).toBe(50);
  });
});

describe('a mock with latency', () => {
  const mocks: FreshMock[] = [];
  const started = async (latency?: { ms: number; jitterMs: number }): Promise<FreshMock> => {
    const mock = createMockWithFreshKeys(latency === undefined ? {} : { latency });
    await mock.listen();
    mocks.push(mock);
    return mock;
  };
  afterAll(() => Promise.all(mocks.map((m) => m.server.stop())));

  const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    const t0 = performance.now();
    const value = await run();
    return [value, performance.now() - t0];
  };

  test('answers a create, a route error and a protocol error no sooner than MS - JITTER', async () => {
    const mock = await started({ ms: 300, jitterMs: 50 });
    const [created, createMs] = await timed(() => mockRequest(mock, validBody(mock.config.identities)));
    expectStatus(created, 200);
    expect(createMs).toBeGreaterThanOrEqual(245);
    const [unknown, unknownMs] = await timed(() => mockRequest(mock, {}, { path: '/v3/nowhere' }));
    expectStatus(unknown, 404);
    expect(unknownMs).toBeGreaterThanOrEqual(245);
    // HTTP/1.1 without Host: answered outside the routes (HTTP-MALFORMED), and late too.
    const [noHost, noHostMs] = await timed(() =>
      rawExchange(mock.profile.baseUrl, 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n', mock.config.platformKeys),
    );
    expectStatus(noHost, 400);
    expect(noHostMs).toBeGreaterThanOrEqual(245);
  });

  test('without latency the same create is answered at once', async () => {
    const mock = await started();
    const [created, ms] = await timed(() => mockRequest(mock, validBody(mock.config.identities)));
    expectStatus(created, 200);
    expect(ms).toBeLessThan(245);
  });
});
