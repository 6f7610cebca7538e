import { basename } from 'node:path';
import { MatchersV3 } from '@pact-foundation/pact';
import { createOrder } from './merchant-client';
import { confirmOrder, merchantOptions, merchantPact, noConfirmOrder, REQUEST_HEADERS, STATES } from './merchantPact';

// An example merchant's consumer test, as a merchant writes it: its own client (merchant-client.ts)
// against Pact's mock server, pinning what the shop relies on. The pact it writes
// (example-merchant-shop-….json, committed) is what `payscore-conformance pact verify` checks; it passes.

const { like, regex } = MatchersV3;
const { pact, file, drifted } = merchantPact('example-merchant-shop', __dirname);
const ORDER_ID = regex('^\\S{1,32}$', '1020991231121314000000000001');

describe('the example shop creates PayScore orders', () => {
  test('no-confirm mode: the order runs at once (DOING), the shop keeps its order_id', async () => {
    const order = noConfirmOrder('SHOP-0001');
    await pact
      .addInteraction()
      .given(STATES.noOrder, { out_order_no: 'SHOP-0001' })
      .uponReceiving('the shop creates a no-confirm order')
      .withRequest('POST', '/v3/payscore/acquiringbank/serviceorder', (b) => b.headers(REQUEST_HEADERS).jsonBody(order))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          out_order_no: 'SHOP-0001',
          service_id: order['service_id'],
          order_id: ORDER_ID,
          state: 'DOING',
          state_description: 'USER_CONFIRM',
        }),
      )
      .executeTest(async (server) => {
        const answer = await createOrder(merchantOptions(server.url), order);
        expect(answer.status).toBe(200);
        expect(answer.body['state']).toBe('DOING');
        expect(typeof answer.body['order_id']).toBe('string');
      });
  });

  test('confirm mode: the order waits for the user (CREATED) with a package for WeChat', async () => {
    const order = confirmOrder('SHOP-0002');
    await pact
      .addInteraction()
      .given(STATES.noOrder, { out_order_no: 'SHOP-0002' })
      .uponReceiving('the shop creates a confirm-mode order')
      .withRequest('POST', '/v3/payscore/acquiringbank/serviceorder', (b) => b.headers(REQUEST_HEADERS).jsonBody(order))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          out_order_no: 'SHOP-0002',
          order_id: ORDER_ID,
          state: 'CREATED',
          package: like('DJIOSQPYWDxsjdldeskfhsdSDFSDFssdksdfsfcsdfs'),
        }),
      )
      .executeTest(async (server) => {
        const answer = await createOrder(merchantOptions(server.url), order);
        expect(answer.body['state']).toBe('CREATED');
        expect(typeof answer.body['package']).toBe('string');
      });
  });

  test('a retry after a timeout answers the order already created, same order_id', async () => {
    const order = noConfirmOrder('SHOP-0003');
    await pact
      .addInteraction()
      .given(STATES.sameParameters, { body: order as never, order_id: '1020991231121314000000000077' })
      .uponReceiving('the shop retries a create-order request')
      .withRequest('POST', '/v3/payscore/acquiringbank/serviceorder', (b) => b.headers(REQUEST_HEADERS).jsonBody(order))
      .willRespondWith(200, (b) =>
        b.jsonBody({ out_order_no: 'SHOP-0003', order_id: '1020991231121314000000000077', state: 'DOING' }),
      )
      .executeTest(async (server) => {
        const answer = await createOrder(merchantOptions(server.url), order);
        expect(answer.body['order_id']).toBe('1020991231121314000000000077');
      });
  });

  test('a signature that does not verify: 401 SIGN_ERROR, the shop alerts (its key is wrong)', async () => {
    const order = noConfirmOrder('SHOP-0004');
    await pact
      .addInteraction()
      .given(STATES.badSignature, { out_order_no: 'SHOP-0004' })
      .uponReceiving('the shop sends a request whose signature does not verify')
      .withRequest('POST', '/v3/payscore/acquiringbank/serviceorder', (b) => b.headers(REQUEST_HEADERS).jsonBody(order))
      .willRespondWith(401, (b) => b.jsonBody({ code: 'SIGN_ERROR', message: like('签名错误') }))
      .executeTest(async (server) => {
        const answer = await createOrder(merchantOptions(server.url), order);
        expect(answer.status).toBe(401);
        expect(answer.body['code']).toBe('SIGN_ERROR');
      });
  });

  test(`the pact written is the committed one (${basename(file)})`, () => {
    expect(drifted()).toBe(false);
  });
});
