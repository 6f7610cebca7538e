import {
  checkBusinessRules,
  isKnownErrorPair,
  requestExamples,
  responseExamples,
  validateErrorBody,
  validateRequestBody,
  validateResponseBody,
} from '.';

// The examples are dated 2099, so any "now" of this century makes their times future.
const context = { now: Date.UTC(2026, 0, 1), riskFundCap: 500_000 };

describe('openapi.yaml examples validate against their own schemas', () => {
  const requests = Object.entries(requestExamples());
  const responses = responseExamples();

  it('has request examples for both modes and response examples for every documented error', () => {
    expect(requests.map(([name]) => name).sort()).toEqual(['confirmMode', 'noConfirmMode']);
    expect(
      responses
        .filter((r) => r.status === 200)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['confirmMode', 'noConfirmMode']);
  });

  it.each(requests)('request example %s passes every field rule and business rule', (_name, body) => {
    expect(validateRequestBody(body)).toEqual([]);
    expect(checkBusinessRules(body, context)).toEqual([]);
  });

  it.each(responses.filter((r) => r.status === 200).map((r) => [r.name, r.value] as const))(
    '200 example %s passes CreateOrderResponse',
    (_name, body) => expect(validateResponseBody(body)).toEqual([]),
  );

  it.each(responses.filter((r) => r.status !== 200).map((r) => [r.status, r.name, r.value] as const))(
    '%s example %s passes Error and its status/code pair is in x-error-codes',
    (status, _name, body) => {
      expect(validateErrorBody(body)).toEqual([]);
      expect(isKnownErrorPair(status, (body as { code: string }).code)).toBe(true);
    },
  );

  it('no example pairs CREATED with a state_description (STATE-VALUES)', () => {
    for (const r of responses.filter((x) => x.status === 200)) {
      const body = r.value as { state: string; state_description?: string; package?: string };
      if (body.state === 'CREATED') expect(body.state_description).toBeUndefined();
      if (body.state === 'DOING') expect(body.state_description).toBe('USER_CONFIRM');
    }
  });
});
