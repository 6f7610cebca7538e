import { rmSync } from 'node:fs';
import { createClient, type Exchange, type LoadedProfile } from '../client';
import { ENDPOINT_PATH } from '../specification';
import { consumerProfile, CONSUMER_PLATFORM_SERIAL, createContractPact, PACT_FILE } from './contract';
import { CONTRACT_BODIES, INVALID_BODY_RULE } from './contractBodies';
import {
  contractMatchers as m,
  createdOrder,
  doingOrder,
  errorBody,
  RESPONSE_HEADERS,
  statusOf,
} from './contractMatchers';
import { PROVIDER_STATES } from '../pact';
import { brokerConfig, publishPacts } from './publish';

// The merchant client (client/createClient) is the consumer: every interaction is produced by it,
// pointed at the Pact mock server. The pact file is rewritten from scratch by this file alone, so
// an interaction removed here cannot linger in the committed contract.

const pact = createContractPact();
/** The order_id the replay state stores its order under. */
const STORED_ORDER_ID = '1020991231121314000000000042';
let profile: LoadedProfile;

beforeAll(() => {
  rmSync(PACT_FILE, { force: true });
  profile = consumerProfile('http://127.0.0.1:9');
});

/** The client signs and names its platform key on every request; the provider relies on these headers. */
const REQUEST_HEADERS = {
  Authorization: m.authorization(),
  Accept: m.json(),
  'Content-Type': m.json(),
  'Wechatpay-Serial': m.wechatpaySerial(CONSUMER_PLATFORM_SERIAL),
};

async function withClient(
  url: string,
  run: (client: ReturnType<typeof createClient>) => Promise<Exchange>,
): Promise<Exchange> {
  const client = createClient({ ...profile, baseUrl: url });
  try {
    return await run(client);
  } finally {
    client.close();
  }
}

const json = (exchange: Exchange): Record<string, unknown> => exchange.response?.json as Record<string, unknown>;

/**
 * The body as the pact records it for a "no order" state: the verifier replays the out_order_no the
 * state answers (a fresh one on a target that keeps its orders), the consumer side still holds it to
 * the spec's charset and length.
 */
const withOutOrderNoFromState = (body: Record<string, unknown>): Record<string, unknown> => ({
  ...body,
  out_order_no: m.outOrderNoFromState(String(body['out_order_no'])),
});

describe('create order: the merchant client against payscore-acquiringbank-serviceorder', () => {
  test('no-confirm mode: 200 DOING / USER_CONFIRM with an order_id (STATE-NO-CONFIRM-MODE)', async () => {
    const body = CONTRACT_BODIES.noConfirm;
    await pact
      .addInteraction()
      .given(PROVIDER_STATES.noOrder, { out_order_no: String(body['out_order_no']) })
      .uponReceiving('a create-order request in no-confirm mode')
      .withRequest('POST', ENDPOINT_PATH, (b) => b.headers(REQUEST_HEADERS).jsonBody(withOutOrderNoFromState(body)))
      .willRespondWith(200, (b) => b.headers(RESPONSE_HEADERS).jsonBody(doingOrder(body)))
      .executeTest(async (server) => {
        const exchange = await withClient(server.url, (c) => c.createOrder(body));
        expect(exchange.response?.status).toBe(200);
        expect(json(exchange)).toMatchObject({
          out_order_no: body['out_order_no'],
          state: 'DOING',
          state_description: 'USER_CONFIRM',
        });
        expect(typeof json(exchange)['order_id']).toBe('string');
      });
  });

  test('confirm mode: 200 CREATED with a package for the user (STATE-CONFIRM-MODE)', async () => {
    const body = CONTRACT_BODIES.confirm;
    await pact
      .addInteraction()
      .given(PROVIDER_STATES.noOrder, { out_order_no: String(body['out_order_no']) })
      .uponReceiving('a create-order request in confirm mode')
      .withRequest('POST', ENDPOINT_PATH, (b) => b.headers(REQUEST_HEADERS).jsonBody(withOutOrderNoFromState(body)))
      .willRespondWith(200, (b) => b.headers(RESPONSE_HEADERS).jsonBody(createdOrder(body)))
      .executeTest(async (server) => {
        const exchange = await withClient(server.url, (c) => c.createOrder(body));
        expect(json(exchange)).toMatchObject({ state: 'CREATED' });
        expect(json(exchange)).not.toHaveProperty('state_description');
        expect(typeof json(exchange)['package']).toBe('string');
      });
  });

  test('idempotent replay: the same parameters answer the stored order again (IDEMP-SAME)', async () => {
    const body = CONTRACT_BODIES.replaySame;
    // The merchant keys its records by order_id, so a replay must answer THE stored order_id, not
    // any: the state stores the order under STORED_ORDER_ID and the answer pins it exactly. (Pact
    // checks an answer against the pact, never against what a state returned, so fromProviderState
    // could only match this order_id by type: see README.)
    await pact
      .addInteraction()
      .given(PROVIDER_STATES.orderWithSameParameters, { body: body as never, order_id: STORED_ORDER_ID })
      .uponReceiving('a create-order request replayed with the same parameters')
      .withRequest('POST', ENDPOINT_PATH, (b) => b.headers(REQUEST_HEADERS).jsonBody(body))
      .willRespondWith(200, (b) =>
        b.headers(RESPONSE_HEADERS).jsonBody({ ...doingOrder(body), order_id: STORED_ORDER_ID }),
      )
      .executeTest(async (server) => {
        const exchange = await withClient(server.url, (c) => c.createOrder(body));
        expect(json(exchange)).toMatchObject({
          out_order_no: body['out_order_no'],
          state: 'DOING',
          order_id: STORED_ORDER_ID,
        });
      });
  });

  test('conflicting replay: the out_order_no with other parameters is 400 INVALID_REQUEST (IDEMP-CONFLICT)', async () => {
    const body = CONTRACT_BODIES.replayConflict;
    await pact
      .addInteraction()
      .given(PROVIDER_STATES.orderWithOtherParameters, { body: CONTRACT_BODIES.replayConflictStored as never })
      .uponReceiving('a create-order request reusing an out_order_no with other parameters')
      .withRequest('POST', ENDPOINT_PATH, (b) => b.headers(REQUEST_HEADERS).jsonBody(body))
      .willRespondWith(statusOf('IDEMP-CONFLICT'), (b) =>
        b.headers(RESPONSE_HEADERS).jsonBody(errorBody('IDEMP-CONFLICT')),
      )
      .executeTest(async (server) => {
        const exchange = await withClient(server.url, (c) => c.createOrder(body));
        expect(exchange.response?.status).toBe(400);
        expect(json(exchange)['code']).toBe('INVALID_REQUEST');
      });
  });

  test(`invalid body: a field rule broken (${INVALID_BODY_RULE}) is 400 PARAM_ERROR`, async () => {
    const body = CONTRACT_BODIES.invalid;
    await pact
      .addInteraction()
      .given(PROVIDER_STATES.noOrder, { out_order_no: String(body['out_order_no']) })
      .uponReceiving(`a create-order request breaking ${INVALID_BODY_RULE}`)
      .comment({ key: 'violates', value: INVALID_BODY_RULE })
      .withRequest('POST', ENDPOINT_PATH, (b) => b.headers(REQUEST_HEADERS).jsonBody(withOutOrderNoFromState(body)))
      .willRespondWith(statusOf(INVALID_BODY_RULE), (b) =>
        b.headers(RESPONSE_HEADERS).jsonBody(errorBody(INVALID_BODY_RULE)),
      )
      .executeTest(async (server) => {
        const exchange = await withClient(server.url, (c) => c.createOrder(body));
        expect(exchange.response?.status).toBe(400);
        expect(json(exchange)['code']).toBe('PARAM_ERROR');
      });
  });

  test('bad signature: a signature that does not verify is 401 SIGN_ERROR (AUTH-SIGNATURE)', async () => {
    const body = CONTRACT_BODIES.badSignature;
    // A well-formed Base64 signature of the right size that verifies nothing: the client's own
    // override for breaking AUTH-SIGNATURE on purpose.
    const wrong = Buffer.alloc(256, 7).toString('base64');
    await pact
      .addInteraction()
      .given(PROVIDER_STATES.signatureDoesNotVerify, { out_order_no: String(body['out_order_no']) })
      .uponReceiving('a create-order request whose signature does not verify')
      .withRequest('POST', ENDPOINT_PATH, (b) =>
        b
          .headers({ ...REQUEST_HEADERS, Authorization: m.authorizationFromState() })
          .jsonBody(withOutOrderNoFromState(body)),
      )
      .willRespondWith(statusOf('AUTH-SIGNATURE'), (b) =>
        b.headers(RESPONSE_HEADERS).jsonBody(errorBody('AUTH-SIGNATURE')),
      )
      .executeTest(async (server) => {
        const exchange = await withClient(server.url, (c) =>
          c.send({ body: JSON.stringify(body), sign: { signatureOverride: wrong } }),
        );
        expect(exchange.response?.status).toBe(401);
        expect(json(exchange)['code']).toBe('SIGN_ERROR');
      });
  });
});

// Publishing is opt-in: with PACT_BROKER_BASE_URL set, the pact just written goes to the broker
// (tests in a file run in order, so every interaction above is in it).
const broker = brokerConfig();
if (broker !== undefined) {
  test(`the pact is published to ${broker.url}`, async () => {
    await expect(publishPacts(broker)).resolves.toMatchObject({ status: expect.any(Number) as number });
  });
}
