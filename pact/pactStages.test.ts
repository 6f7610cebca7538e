import { fieldOf } from './compareWithOpenapi';
import { differenceOf, resultsFromReport } from './mockStage';
import type { PactDocument } from './pactFile';
import { pactTenant } from './pactTenant';

// How the two stages' raw findings become "interaction, field, what differed", and whose tenant the
// fresh mock is made with.

describe('fieldOf (comparator locations)', () => {
  test.each([
    ['[root].interactions[2].response.body.order_id', 2, 'response $.order_id'],
    ['[root].interactions[0].request.body.risk_fund.amount', 0, 'request $.risk_fund.amount'],
    ['[root].interactions[1].request.headers.Accept', 1, 'request header Accept'],
    ['[root].interactions[3].response.status', 3, 'response status'],
  ])('%s', (location, index, field) => {
    expect(fieldOf(location)).toEqual({ index, field });
  });
  test('a location outside the interactions is named as it is', () => {
    expect(fieldOf('[root].metadata')).toEqual({ field: '[root].metadata' });
  });
});

describe('differenceOf (verifier mismatches)', () => {
  test('status, header and body mismatches name their field and both values', () => {
    expect(differenceOf({ type: 'StatusMismatch', expected: 200, actual: 400 })).toEqual({
      field: 'response status',
      message: 'expected 200, the mock answered 400',
    });
    expect(differenceOf({ type: 'HeaderMismatch', key: 'Content-Type', mismatch: 'no match' }).field).toBe(
      'response header Content-Type',
    );
    expect(differenceOf({ type: 'BodyMismatch', path: '$.state', expected: '"DOING"', actual: '"CREATED"' })).toEqual({
      field: 'response $.state',
      message: 'differs (the pact expects "DOING", the mock answered "CREATED")',
    });
  });
});

const interaction = (description: string, state: string, params: Record<string, unknown> = {}) => ({
  description,
  providerStates: [{ name: state, params }],
  request: {
    method: 'POST',
    path: '/x',
    body: { content: { service_id: 'S1', appid: 'A1' }, contentType: 'application/json' },
  },
  response: { status: 200, body: { content: { mchid: '1900000001' }, contentType: 'application/json' } },
});

describe('resultsFromReport', () => {
  const pact: PactDocument = { interactions: [interaction('one', 's', { a: 1 }), interaction('two', 's', { a: 2 })] };

  test('errors land on the interaction they name; a failed state set-up is named on its own interaction', () => {
    const report = JSON.stringify({
      errors: [
        {
          interaction: 'Verifying a pact between c and p Given s - two',
          mismatch: { type: 'mismatches', mismatches: [{ type: 'BodyMismatch', path: '$.x', mismatch: 'm' }] },
        },
      ],
      interactionResults: [
        { description: 'one', result: 'OK' },
        { description: 'two', result: 'Error' },
      ],
    });
    const [one, two] = resultsFromReport(pact, report, [{ state: 's', params: { a: 1 }, message: 'boom' }]);
    expect(one).toMatchObject({
      passed: false,
      differences: [{ field: 'provider state "s"', message: 'its set-up failed: boom' }],
    });
    expect(two).toMatchObject({ passed: false, differences: [{ field: 'response $.x' }] });
  });

  test("a status mismatch carries the mock's answer to that interaction (paired by out_order_no)", () => {
    const withOrder = (description: string, outOrderNo: string) => {
      const i = interaction(description, 's');
      i.request.body.content = { out_order_no: outOrderNo } as never;
      return i;
    };
    const two: PactDocument = { interactions: [withOrder('first', 'A'), withOrder('second', 'B')] };
    const report = JSON.stringify({
      errors: [
        {
          interaction: 'Verifying a pact between c and p Given s - second',
          mismatch: { type: 'mismatches', mismatches: [{ type: 'StatusMismatch', expected: 200, actual: 400 }] },
        },
      ],
    });
    const answers = [
      { outOrderNo: 'B', status: 400, body: '{"code":"INVALID_REQUEST"}' },
      { outOrderNo: 'A', status: 200, body: '{}' },
    ];
    const [, second] = resultsFromReport(two, report, [], answers);
    expect(second?.differences).toEqual([
      { field: 'response status', message: 'expected 200, the mock answered 400: {"code":"INVALID_REQUEST"}' },
    ]);
  });

  test('a clean report passes every interaction', () => {
    const results = resultsFromReport(pact, JSON.stringify({ errors: [], interactionResults: [] }));
    expect(results.map((r) => r.passed)).toEqual([true, true]);
  });
});

describe('pactTenant', () => {
  test('per field the most common id of the request bodies, and the mchid the answers echo', () => {
    const odd = interaction('odd', 's');
    odd.request.body.content = { service_id: 'S2', appid: 'A1' };
    const tenant = pactTenant({ interactions: [interaction('a', 's'), odd, interaction('b', 's')] });
    expect(tenant).toEqual({ identities: { service_id: 'S1', appid: 'A1' }, mchid: '1900000001' });
  });

  test('the risk-fund cap the successful orders imply (risk_fund or the payments sum); failing ones do not count', () => {
    const order = (status: number, body: Record<string, unknown>) => ({
      description: String(status),
      request: { body },
      response: { status },
    });
    const tenant = pactTenant({
      interactions: [
        order(200, { risk_fund: { amount: 700_000 } }),
        order(200, { post_payments: [{ amount: 600_000 }, { amount: 300_000 }] }),
        order(400, { risk_fund: { amount: 9_999_999 } }),
      ],
    });
    expect(tenant.riskFundCap).toBe(900_000);
    expect(pactTenant({ interactions: [order(401, {})] }).riskFundCap).toBeUndefined();
  });

  test('V3 bodies (not wrapped) and the Authorization mchid when no answer echoes one', () => {
    const tenant = pactTenant({
      interactions: [
        {
          description: 'v3',
          request: {
            headers: {
              Authorization:
                'WECHATPAY2-SHA256-RSA2048 mchid="1230000999",nonce_str="n",timestamp="1",serial_no="s",signature="x"',
            },
            body: { sub_mchid: '1900000999' },
          },
          response: { status: 401, body: { code: 'SIGN_ERROR' } },
        },
      ],
    });
    expect(tenant).toEqual({ identities: { sub_mchid: '1900000999' }, mchid: '1230000999' });
  });
});
