import fc from 'fast-check';
import { firstRequestViolation, limits, MAX_VIOLATIONS, requestExamples, requestFields, validateRequestBody } from '.';

// The mock answers with firstRequestViolation (validation stopping at the first error); checks and
// reports read validateRequestBody (every error, capped). Both must name the same first violation.
const examples = Object.values(requestExamples()) as Array<Record<string, unknown>>;
const paths = requestFields().map((f) => f.path.split('/').slice(1));
const BAD_VALUES: unknown[] = [
  null,
  '',
  'x'.repeat(300),
  '!?',
  -1,
  0,
  1.5,
  101,
  [],
  [{}],
  {},
  true,
  'OnAccept',
  '20250230',
];

function corrupt(body: Record<string, unknown>, path: string[], value: unknown): void {
  let node: unknown = body;
  for (const [i, segment] of path.entries()) {
    if (node === null || typeof node !== 'object') return;
    const key = segment === '*' ? '0' : segment;
    const holder = node as Record<string, unknown>;
    if (i === path.length - 1) holder[key] = value;
    else node = holder[key];
  }
}

describe('firstRequestViolation', () => {
  test('names the first violation of validateRequestBody, for bodies breaking several rules', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...examples),
        fc.array(fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...BAD_VALUES)), { minLength: 1, maxLength: 4 }),
        (example, changes) => {
          const body = structuredClone(example);
          for (const [path, value] of changes) corrupt(body, path, value);
          expect(firstRequestViolation(body)).toEqual(validateRequestBody(body)[0]);
        },
      ),
      { seed: 12, numRuns: 400 },
    );
  });

  test('passes over violations the caller does not want', () => {
    const body = { ...structuredClone(examples[0]!), out_order_no: '', service_introduction: '' };
    const all = validateRequestBody(body);
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(firstRequestViolation(body, (v) => v.ruleId !== all[0]?.ruleId)).toEqual(
      all.find((v) => v.ruleId !== all[0]?.ruleId),
    );
    expect(firstRequestViolation(examples[0])).toBeUndefined();
  });

  test('an array over its maxItems is reported alone, before its items are validated', () => {
    const items = Array.from({ length: 5_000 }, () => ({}));
    const body = { ...structuredClone(examples[0]!), post_payments: items };
    const expected = {
      ruleId: 'PAYMENTS-MAX',
      pointer: '/post_payments',
      message: `/post_payments must NOT have more than ${limits().paymentsMaxItems} items`,
    };
    expect(firstRequestViolation(body)).toEqual(expected);
    expect(validateRequestBody(body)).toEqual([expected]);
  });

  test(`the full list stops at ${MAX_VIOLATIONS} violations`, () => {
    const payments = Array.from({ length: limits().paymentsMaxItems }, () => ({
      name: '',
      description: '',
      count: 0,
      amount: -1,
    }));
    const body = { ...structuredClone(examples[0]!), post_payments: payments };
    expect(validateRequestBody(body)).toHaveLength(MAX_VIOLATIONS);
  });
});
