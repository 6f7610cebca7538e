import { BODY_LIMITS, type FreshMock } from './index';
import { expectStatus, createMockWithFreshKeys, mockRequest, validBody, type OrderStore } from './testing';

let mock: FreshMock;
const lines: string[] = [];
beforeAll(async () => {
  mock = createMockWithFreshKeys({ logger: (line) => lines.push(line) });
  await mock.listen();
});
afterAll(() => mock.server.stop());

const expectInvalid = async (body: unknown, code = 'INVALID_REQUEST'): Promise<void> => {
  const res = await mockRequest(mock, body);
  expect([res.status, res.json['code']]).toEqual([400, code]);
  expect(res.signature).toEqual({ ok: true });
};

describe('bad input is a JSON error, never a crash (BODY-LIMITS, BODY-NOT-JSON, BODY-NOT-OBJECT)', () => {
  test('a body over 1 MiB', () => expectInvalid(Buffer.alloc(BODY_LIMITS.maxBytes + 1, 0x20)));
  test('a body over the hard cap is refused without reading it', async () => {
    const res = await mockRequest(mock, Buffer.alloc(BODY_LIMITS.hardCapBytes + 1024, 0x20));
    expect([res.status, res.json['code']]).toEqual([400, 'INVALID_REQUEST']);
  });
  test('malformed JSON', () => expectInvalid('{"a":'));
  test('invalid UTF-8', () => expectInvalid(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])));
  test('nesting deeper than 64', () => expectInvalid(`${'['.repeat(65)}${']'.repeat(65)}`));
  test('nesting of exactly 64 is JSON (then not an object)', () =>
    expectInvalid(`${'['.repeat(64)}${']'.repeat(64)}`, 'PARAM_ERROR'));
  test.each([['[]'], ['"x"'], ['12'], ['null']])('JSON %s is not an object: 400 PARAM_ERROR', (text) =>
    expectInvalid(text, 'PARAM_ERROR'),
  );
  test('__proto__ and constructor keys are plain data and pollute nothing', async () => {
    const body = validBody(mock.config.identities);
    const text = JSON.stringify(body).replace(
      /^\{/,
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},',
    );
    const res = await mockRequest(mock, text);
    expectStatus(res, 200);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // The unknown keys count for the replay comparison (IDEMP-SAME-JSON) and are not echoed.
    expect(res.json).not.toHaveProperty('constructor', { prototype: { polluted: 1 } });
    expect((await mockRequest(mock, text)).raw.equals(res.raw)).toBe(true);
    expectStatus(await mockRequest(mock, body), 400);
  });
});

describe('logging and last-resort errors', () => {
  test('one JSON log line per request with method, path, status, code, ms, request_id', async () => {
    lines.length = 0;
    const res = await mockRequest(mock, '{bad');
    const entry = JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({
      method: 'POST',
      status: 400,
      code: 'INVALID_REQUEST',
      request_id: res.headers['request-id'],
    });
    expect(typeof entry['ms']).toBe('number');
  });
  test('a handler exception is answered 500 SYSTEM_ERROR and logged', async () => {
    const broken: OrderStore = {
      ...mock.server.store,
      get: () => {
        throw new Error('disk on fire');
      },
      close: () => undefined,
    };
    const other = createMockWithFreshKeys({
      material: mock.material,
      store: broken,
      logger: (line) => lines.push(line),
    });
    await other.listen();
    try {
      lines.length = 0;
      const res = await mockRequest(other, validBody(other.config.identities));
      expect([res.status, res.json['code']]).toEqual([500, 'SYSTEM_ERROR']);
      expect(res.signature).toEqual({ ok: true });
      expect(lines.some((l) => l.includes('disk on fire'))).toBe(true);
    } finally {
      other.server.close();
    }
  });
});
