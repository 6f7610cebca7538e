import { formatChinaTime } from '../specification';
import { CREATE_PATH } from './createPath';
import type { FreshMock } from './index';
import { createMockWithFreshKeys, mockRequest, validBody } from './testing';

let mock: FreshMock;
let failing: FreshMock;
beforeAll(async () => {
  mock = createMockWithFreshKeys();
  failing = createMockWithFreshKeys({ faults: ['system-error'] });
  await Promise.all([mock.listen(), failing.listen()]);
});
afterAll(() => Promise.all([mock.server.stop(), failing.server.stop()]));

/** The rule an answer names: error messages end with it, as ruleAnswer writes them. */
const ruleOf = (json: Record<string, unknown>): string | undefined =>
  /\(([A-Z0-9-]+)\)$/.exec(String(json['message']))?.[1];

test('the create path runs its steps in this order (CHECK-ORDER)', () => {
  expect(CREATE_PATH.map((s) => s.name)).toEqual([
    'protocol',
    'console',
    'audit',
    'control',
    'answer-everything',
    'certificates',
    'route',
    'method',
    'read-body',
    'hard-cap',
    'authentication',
    'rate-limit',
    'headers',
    'body',
    'fields',
    'identities',
    'in-flight',
    'idempotency',
    'business-rules',
    'place',
  ]);
});

describe('each step answers before the next, for a request that breaks both', () => {
  const unsigned = { authorization: undefined };
  test('answer-everything before route: a fault answers even an unknown path', async () => {
    const res = await mockRequest(failing, {}, { ...unsigned, path: '/v3/nothing' });
    expect([res.status, ruleOf(res.json)]).toEqual([500, 'SYSTEM-ERROR']);
  });
  test('route before method and authentication', async () => {
    const res = await mockRequest(mock, {}, { ...unsigned, method: 'GET', path: '/v3/nothing' });
    expect([res.status, ruleOf(res.json)]).toEqual([404, 'ROUTE-UNKNOWN']);
  });
  test('method before authentication', async () => {
    const res = await mockRequest(mock, {}, { ...unsigned, method: 'GET' });
    expect([res.status, ruleOf(res.json)]).toEqual([405, 'ROUTE-METHOD']);
  });
  test('authentication before headers and body', async () => {
    const res = await mockRequest(mock, 'not json', { ...unsigned, headers: { 'Content-Type': 'text/plain' } });
    expect([res.status, ruleOf(res.json)]).toEqual([401, 'AUTH-REQUIRED']);
  });
  test('headers before body', async () => {
    const res = await mockRequest(mock, 'not json', { headers: { 'Content-Type': 'text/plain' } });
    expect([res.status, ruleOf(res.json)]).toEqual([400, 'HDR-CONTENT-TYPE']);
  });
  test('body before fields', async () => {
    const res = await mockRequest(mock, 'not json');
    expect([res.status, ruleOf(res.json)]).toEqual([400, 'BODY-NOT-JSON']);
  });
  test('fields before identities and idempotency', async () => {
    const res = await mockRequest(mock, {});
    expect([res.status, res.json['code']]).toEqual([400, 'PARAM_ERROR']);
  });
  test('idempotency before business rules, business rules before placing', async () => {
    const body = validBody(mock.config.identities);
    const past = formatChinaTime(mock.server.clock.now() - 60_000, 'second');
    const early = await mockRequest(mock, { ...body, time_range: { start_time: past } });
    expect([early.status, ruleOf(early.json)]).toEqual([400, 'TIME-START-FUTURE']);
    expect((await mockRequest(mock, body)).status).toBe(200);
    const conflict = await mockRequest(mock, { ...body, time_range: { start_time: past } });
    expect([conflict.status, ruleOf(conflict.json)]).toEqual([400, 'IDEMP-CONFLICT']);
  });
});
