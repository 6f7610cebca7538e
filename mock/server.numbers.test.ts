import type { FreshMock } from './index';
import { expectStatus, createMockWithFreshKeys, mockRequest, validBody } from './testing';

// NUM-SAFE-INTEGER: integers beyond ±(2^53 − 1) are refused, those within are echoed exactly
// (RESP-ECHO). The body text is written by hand: JSON.stringify cannot write 9007199254740993.
let mock: FreshMock;
beforeAll(async () => {
  mock = createMockWithFreshKeys();
  await mock.listen();
});
afterAll(() => mock.server.stop());

/** A valid body (with a discount, so payment amounts are not capped by RISK-CAP) whose first payment amount is `amount`, as text. */
function bodyWithAmount(amount: string): string {
  const body = validBody(mock.config.identities, {
    post_discounts: [{ name: '满减', description: '满100减10', amount: 1000, count: 1 }],
  });
  return JSON.stringify(body).replace('"amount":40000', `"amount":${amount}`);
}

describe('exact numbers (NUM-SAFE-INTEGER)', () => {
  test.each([['9007199254740991'], ['0'], ['9007199254740990']])(
    'amount %s is accepted and echoed byte for byte',
    async (amount) => {
      const res = await mockRequest(mock, bodyWithAmount(amount));
      expectStatus(res, 200);
      expect(res.raw.toString('utf8')).toContain(`"amount":${amount},`);
    },
  );

  test.each([
    ['9007199254740992'],
    ['9007199254740993'],
    ['-9007199254740992'],
    ['1e300'],
    ['9007199254740993.5'],
    ['12345678901234567890'],
  ])('amount %s is 400 PARAM_ERROR naming the field', async (amount) => {
    const res = await mockRequest(mock, bodyWithAmount(amount));
    expect([res.status, res.json['code']]).toEqual([400, 'PARAM_ERROR']);
    expect(res.json['detail']).toEqual({
      field: '/post_payments/0/amount',
      issue: expect.stringContaining('9007199254740991') as unknown,
      location: 'body',
    });
    expect(String(res.json['message'])).toContain('NUM-SAFE-INTEGER');
  });

  test('an unknown field is held to the rule too: it counts for the replay comparison (IDEMP-SAME-JSON)', async () => {
    const text = bodyWithAmount('1').replace(/^\{/, '{"x~/%":9007199254740993,');
    const res = await mockRequest(mock, text);
    expect([res.status, (res.json['detail'] as Record<string, unknown>)['field']]).toEqual([400, '/x~0~1%']);
  });

  test("a fraction is not an integer here: it stays the field rule's business (PAY-AMOUNT)", async () => {
    const res = await mockRequest(mock, bodyWithAmount('1.5'));
    expect(res.json['message']).not.toContain('NUM-SAFE-INTEGER');
    expect(res.json['code']).toBe('PARAM_ERROR');
  });
});
