import { basename, join } from 'node:path';
import { MatchersV3 } from '@pact-foundation/pact';
import { createOrder } from './merchant-client';
import { confirmOrder, merchantOptions, merchantPact, noConfirmOrder, REQUEST_HEADERS, STATES } from './merchantPact';

// Two merchants whose consumer tests pass (Pact's mock server answers what they expect) while their
// expectations are wrong: their pacts (broken/, committed) are what `pact verify` must fail, naming
// the interaction and the field. This is why a pact needs a provider at all.

const DIR = join(__dirname, 'broken');
const PATH = '/v3/payscore/acquiringbank/serviceorder';

describe('a shop that stores order_id as a number', () => {
  const { pact, file, drifted } = merchantPact('example-merchant-numeric-order-id', DIR);

  test('expects a numeric order_id (openapi.yaml: a string of up to 32 characters)', async () => {
    const order = noConfirmOrder('NUM-0001');
    await pact
      .addInteraction()
      .given(STATES.noOrder, { out_order_no: 'NUM-0001' })
      .uponReceiving('the shop creates an order and keeps order_id as a number')
      .withRequest('POST', PATH, (b) => b.headers(REQUEST_HEADERS).jsonBody(order))
      .willRespondWith(200, (b) =>
        b.jsonBody({ out_order_no: 'NUM-0001', order_id: MatchersV3.integer(1020991231121314), state: 'DOING' }),
      )
      .executeTest(async (server) => {
        const answer = await createOrder(merchantOptions(server.url), order);
        expect(typeof answer.body['order_id']).toBe('number');
      });
  });

  test(`the pact written is the committed one (${basename(file)})`, () => {
    expect(drifted()).toBe(false);
  });
});

describe('a shop that assumes every order starts DOING', () => {
  const { pact, file, drifted } = merchantPact('example-merchant-broken', DIR);

  test('expects DOING in confirm mode (the sandbox answers CREATED: STATE-CONFIRM-MODE)', async () => {
    const order = confirmOrder('BROKEN-0001');
    await pact
      .addInteraction()
      .given(STATES.noOrder, { out_order_no: 'BROKEN-0001' })
      .uponReceiving('the shop creates a confirm-mode order and expects it running')
      .withRequest('POST', PATH, (b) => b.headers(REQUEST_HEADERS).jsonBody(order))
      .willRespondWith(200, (b) => b.jsonBody({ out_order_no: 'BROKEN-0001', state: 'DOING' }))
      .executeTest(async (server) => {
        const answer = await createOrder(merchantOptions(server.url), order);
        expect(answer.body['state']).toBe('DOING');
      });
  });

  test(`the pact written is the committed one (${basename(file)})`, () => {
    expect(drifted()).toBe(false);
  });
});
