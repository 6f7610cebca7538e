import type { CreateOrderRequest } from '../specification';
import { acceptedCreate, createThenConflict, judgedAs } from './judgedAs';
import {
  hasControl,
  openTarget,
  ruleTest,
  SAMPLE,
  sampleValid,
  type JudgedExchange,
  type TargetHandle,
} from './harness';
import { concurrentDifferent, concurrentIdentical, DEEP_CHANGES, deepBody } from './idempotencyRaces';
import { expiryReplay, terminalReplays } from './lifecycleCases';

// "支持原参重入": the same out_order_no with the same parameters is the same order; with other
// parameters it is refused.

/** A replay can only be judged after the first create succeeded. */
const FIRST_ACCEPTED = {
  evidence: (items: JudgedExchange[]): string | undefined =>
    items[0]?.exchange.response?.status === 200
      ? undefined
      : 'the first create was not answered 200, so there is nothing to replay',
};

/** A create and its replay with the same body, judged as first answer and replay. */
async function createThenReplay(
  t: TargetHandle,
  body: CreateOrderRequest,
  [firstName, replayName]: [string, string],
): Promise<JudgedExchange[]> {
  const { first, judged } = await acceptedCreate(t, body, firstName);
  const replay = await t.client.createOrder(body);
  return [judged, judgedAs(t, replay, { kind: 'replay', first }, body, replayName)];
}

/** Racing creates can only be judged when one of them was accepted. */
const ANY_ACCEPTED = {
  evidence: (items: JudgedExchange[]): string | undefined =>
    items.some((i) => i.exchange.response?.status === 200) ? undefined : 'no create of the race was answered 200',
};

describe('idempotency', () => {
  ruleTest(
    __filename,
    'IDEMP-SAME',
    'the same out_order_no with the same parameters answers the same order_id',
    async (t) => {
      const body = sampleValid(t, SAMPLE.idempotency.sameParameters);
      return createThenReplay(t, body, ['first create', 'replay with a fresh signature']);
    },
    FIRST_ACCEPTED,
  );

  ruleTest(
    __filename,
    'IDEMP-SAME-JSON',
    'a replay with keys in another order and other whitespace is the same parameters',
    async (t) => {
      const body = sampleValid(t, SAMPLE.idempotency.sameJsonReordered);
      const { first, judged } = await acceptedCreate(t, body);
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const replay = await t.client.send({ body: JSON.stringify(reordered, null, 2) });
      const expectation = { kind: 'replay', first, ruleId: 'IDEMP-SAME-JSON' } as const;
      return [judged, judgedAs(t, replay, expectation, reordered, 'replay reordered and indented')];
    },
    FIRST_ACCEPTED,
  );

  ruleTest(
    __filename,
    'IDEMP-SAME',
    'a confirm-mode replay is answered like the first create, package included',
    async (t) => {
      const body = sampleValid(t, SAMPLE.idempotency.confirmModeReplay, { need_user_confirm: true });
      const { openid: _o, sub_openid: _s, ...confirm } = body;
      return createThenReplay(t, confirm, ['confirm-mode create', 'confirm-mode replay']);
    },
    FIRST_ACCEPTED,
  );

  ruleTest(
    __filename,
    'IDEMP-SAME',
    'concurrent identical creates all answer the same order_id',
    concurrentIdentical,
    ANY_ACCEPTED,
  );

  ruleTest(
    __filename,
    'IDEMP-CONFLICT',
    'concurrent creates of one out_order_no with different bodies: one order, the others 400 INVALID_REQUEST',
    concurrentDifferent,
    ANY_ACCEPTED,
  );

  ruleTest(
    __filename,
    'IDEMP-CONFLICT',
    'a change at any depth of the body is other parameters: 400 INVALID_REQUEST',
    async (t) => {
      const body = deepBody(t, SAMPLE.idempotency.deepChanges);
      const { first, judged: accepted } = await acceptedCreate(t, body);
      const judged: JudgedExchange[] = [accepted];
      for (const [where, change] of DEEP_CHANGES) {
        const other = change(body);
        const conflict = await t.client.createOrder(other);
        judged.push(judgedAs(t, conflict, { kind: 'conflict', first }, other, `same out_order_no, ${where} changed`));
      }
      return judged;
    },
    FIRST_ACCEPTED,
  );

  ruleTest(
    __filename,
    'IDEMP-SAME',
    'after a refused conflict the original body still replays to the original order',
    async (t) => {
      const body = sampleValid(t, SAMPLE.idempotency.replayAfterConflict);
      const { first, judged } = await createThenConflict(t, body, 'y');
      const replay = await t.client.createOrder(body);
      return [...judged, judgedAs(t, replay, { kind: 'replay', first }, body, 'the original body again')];
    },
    FIRST_ACCEPTED,
  );

  ruleTest(
    __filename,
    'IDEMP-CONFLICT',
    'the same out_order_no with other parameters is 400 INVALID_REQUEST',
    async (t) => {
      const body = sampleValid(t, SAMPLE.idempotency.otherParameters);
      return (await createThenConflict(t, body, 'x')).judged;
    },
    FIRST_ACCEPTED,
  );
});

// Terminal states and expiry need control of the target's state and clock: the bundled mock only.
// Against any other target these rules are reported as not exercised.
describe('order lifecycle (the bundled mock)', () => {
  if (!hasControl(openTarget())) return;
  ruleTest(
    __filename,
    'IDEMP-TERMINAL',
    'a create naming an EXPIRED, REVOKED or DONE order is 400 INVALID_ORDER_STATE, ORDER_CANCELED or ORDER_DONE',
    terminalReplays,
  );
  ruleTest(
    __filename,
    'EXPIRY',
    'an order left CREATED for more than one hour is EXPIRED',
    expiryReplay,
    FIRST_ACCEPTED,
  );
});
