// The kit the other tests build on must itself produce conforming exchanges.
import { makeExchange, errorExchange } from '.';

test('the kit signs responses so that the recorded verdict is ok, and a swapped body is not', () => {
  expect(makeExchange().signature).toEqual({ ok: true });
  expect(errorExchange(400, 'PARAM_ERROR').signature).toEqual({ ok: true });
  expect(makeExchange({ bodyAfterSigning: '{}' }).signature).toMatchObject({ ok: false, reason: 'bad-signature' });
});
