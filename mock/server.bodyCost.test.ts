import { BODY_LIMITS, type FreshMock } from './index';
import { createMockWithFreshKeys, mockRequest } from './testing';

// BODY-COST-BOUND: the number of JSON values is counted before the body is parsed; an array over
// its maxItems is answered before its items are validated.
let mock: FreshMock;
beforeAll(async () => {
  mock = createMockWithFreshKeys();
  await mock.listen();
});
afterAll(() => mock.server.stop());

const answerTo = async (text: string): Promise<[number, unknown, string]> => {
  const res = await mockRequest(mock, text);
  return [res.status, res.json['code'], String(res.json['message'])];
};
const items = (n: number, item = '0'): string => Array.from({ length: n }, () => item).join(',');

describe('the value limit (BODY-COST-BOUND)', () => {
  test(`${BODY_LIMITS.maxValues} values pass the count (then break field rules)`, async () => {
    const [status, code, message] = await answerTo(`{"x":[${items(BODY_LIMITS.maxValues - 1)}]}`);
    expect([status, code]).toEqual([400, 'PARAM_ERROR']);
    expect(message).not.toContain('BODY-COST-BOUND');
  });
  test(`${BODY_LIMITS.maxValues + 1} values are 400 INVALID_REQUEST`, async () => {
    const [status, code, message] = await answerTo(`{"x":[${items(BODY_LIMITS.maxValues)}]}`);
    expect([status, code]).toEqual([400, 'INVALID_REQUEST']);
    expect(message).toContain('BODY-COST-BOUND');
  });
  test.each([
    [' [ ] ', BODY_LIMITS.maxValues - 2, false],
    [' [ ] ', BODY_LIMITS.maxValues - 1, true],
    [' { } ', BODY_LIMITS.maxValues - 2, false],
  ])(
    'x + s + %j × %i: empty containers count once, whitespace and ,[\\" inside strings not at all → over: %s',
    async (item, n, over) => {
      const [, , message] = await answerTo(` { "x" : [ ${items(n, item)} ] , "s" : "${',[\\"{'.repeat(5_000)}" } `);
      expect(message.includes('BODY-COST-BOUND')).toBe(over);
    },
  );
  test('the 340,000-item post_payments of the report is refused in milliseconds', async () => {
    const body = `{"post_payments":[${items(340_000, '{}')}]}`;
    const started = Date.now();
    const [status, code, message] = await answerTo(body);
    expect([status, code]).toEqual([400, 'INVALID_REQUEST']);
    expect(message).toContain('BODY-COST-BOUND');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
  test('an array over maxItems but under the value limit is PAYMENTS-MAX, without validating its items', async () => {
    const [status, code, message] = await answerTo(`{"post_payments":[${items(BODY_LIMITS.maxValues / 2, '{}')}]}`);
    expect([status, code]).toEqual([400, 'PARAM_ERROR']);
    expect(message).toContain('PAYMENTS-MAX');
  });
});
