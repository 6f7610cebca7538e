import { request } from 'node:http';
import type { FreshMock } from './index';
import { createMockWithFreshKeys, validBody } from './testing';

// The control interface never answers 500: malformed escapes and out-of-range numbers are the
// caller's error, 400 PARAM_ERROR with detail.field naming the input.
let mock: FreshMock;
beforeAll(async () => {
  mock = createMockWithFreshKeys({ control: true });
  await mock.listen();
});
afterAll(() => mock.server.stop());

const control = (method: string, path: string, text = ''): Promise<{ status: number; json: Record<string, unknown> }> =>
  new Promise((resolve, reject) => {
    const req = request(
      new URL(`/__control/${path}`, mock.profile.baseUrl),
      { method, headers: { 'Content-Type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });

const expectParamError = async (
  answer: Promise<{ status: number; json: Record<string, unknown> }>,
  field: string,
): Promise<void> => {
  const { status, json } = await answer;
  expect([status, json['code']]).toEqual([400, 'PARAM_ERROR']);
  expect(json['detail']).toMatchObject({ field });
};

describe('the control interface refuses bad input with 400 PARAM_ERROR naming the field', () => {
  test.each([['%zz'], ['%'], ['%E0%A4%A'], ['abc%C0%AF']])('GET orders/%s (malformed percent-escape)', (segment) =>
    expectParamError(control('GET', `orders/${segment}`), 'order_id'),
  );

  test.each([['1e309'], ['-1e309'], ['-1e20'], ['1e20'], ['1.5'], ['"60"'], ['null']])(
    'clock/advance {"ms":%s}',
    (ms) => expectParamError(control('POST', 'clock/advance', `{"ms":${ms}}`), '/ms'),
  );

  test('an advance past the range leaves the clock where it was; order ids stay digits', async () => {
    const before = mock.server.clock.now();
    await control('POST', 'clock/advance', '{"ms":-1e20}');
    expect(Math.abs(mock.server.clock.now() - before)).toBeLessThan(5_000);
    const put = await control(
      'POST',
      'orders',
      JSON.stringify({ body: validBody(mock.config.identities), state: 'DOING' }),
    );
    expect(String(put.json['order_id'])).toMatch(/^\d+$/);
  });

  test('an order_id already taken by another order', async () => {
    const first = await control(
      'POST',
      'orders',
      JSON.stringify({ body: validBody(mock.config.identities), state: 'DOING', order_id: '1234567' }),
    );
    expect(first.status).toBe(200);
    await expectParamError(
      control(
        'POST',
        'orders',
        JSON.stringify({ body: validBody(mock.config.identities), state: 'DOING', order_id: '1234567' }),
      ),
      '/order_id',
    );
  });

  test('an unknown state_description', () =>
    expectParamError(
      control(
        'POST',
        'orders',
        JSON.stringify({ body: validBody(mock.config.identities), state: 'DOING', state_description: 'NOPE' }),
      ),
      '/state_description',
    ));

  test('an invalid create body names the field inside it', () =>
    expectParamError(
      control(
        'POST',
        'orders',
        JSON.stringify({ body: { ...validBody(mock.config.identities), out_order_no: '' }, state: 'DOING' }),
      ),
      '/body/out_order_no',
    ));
});
