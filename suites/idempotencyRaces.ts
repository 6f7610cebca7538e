import type { CreateOrderRequest } from '../specification';
import { RACE_WIDTH, SAMPLE, sampleValid, type JudgedExchange, type TargetHandle } from './harness';

/** How many creates race for one out_order_no: all at once, whatever --concurrency says. */
const RACERS = RACE_WIDTH;

/** A valid request with every nested object filled, so a change can be made at every depth. */
export function deepBody(target: TargetHandle, index: number): CreateOrderRequest {
  const body = sampleValid(target, index);
  const { openid: _o, sub_openid: _s, need_user_confirm: _n, ...rest } = body;
  // A confirm-mode sample stays in confirm mode without user ids: its start_time may be OnAccept,
  // which no-confirm mode may refuse (ONACCEPT-ANY-MODE is a DECISION).
  const user =
    body.need_user_confirm === true ? { need_user_confirm: true } : { openid: target.constraints().identities.openid };
  return {
    ...rest,
    ...user,
    post_payments: [{ name: '服务费', amount: 100, description: '按次计费', count: 1 }],
    // No discount amount: whether create takes one is a DECISION (DISC-AMOUNT), not a SEED verdict's to rely on.
    post_discounts: [{ name: '新客优惠', description: '首单立减' }],
    risk_fund: { ...body.risk_fund, description: '服务押金' },
    time_range: { ...body.time_range, start_time_remark: '开始' },
    location: { start_location: '起点', end_location: '终点' },
  };
}

type Change = [name: string, apply: (b: CreateOrderRequest) => CreateOrderRequest];

/** One valid change at each depth of the body: arrays' items, nested objects' fields. */
export const DEEP_CHANGES: readonly Change[] = [
  [
    'post_payments/0/amount',
    (b) => ({
      ...b,
      post_payments: (b.post_payments ?? []).map((p, i) => (i === 0 ? { ...p, amount: (p.amount ?? 0) + 1 } : p)),
    }),
  ],
  [
    'post_payments/0/description',
    (b) => ({
      ...b,
      post_payments: (b.post_payments ?? []).map((p, i) => (i === 0 ? { ...p, description: '按时计费' } : p)),
    }),
  ],
  [
    'post_discounts/0/name',
    (b) => ({
      ...b,
      post_discounts: (b.post_discounts ?? []).map((d, i) => (i === 0 ? { ...d, name: '老客优惠' } : d)),
    }),
  ],
  ['risk_fund/description', (b) => ({ ...b, risk_fund: { ...b.risk_fund, description: '另一押金' } })],
  ['time_range/start_time_remark', (b) => ({ ...b, time_range: { ...b.time_range, start_time_remark: '另一开始' } })],
  ['location/end_location', (b) => ({ ...b, location: { ...b.location, end_location: '另一终点' } })],
];

/** RACERS identical creates at once: every answer is the same order. */
export async function concurrentIdentical(target: TargetHandle): Promise<JudgedExchange[]> {
  const body = sampleValid(target, SAMPLE.idempotency.concurrentIdentical);
  const exchanges = await Promise.all(Array.from({ length: RACERS }, () => target.racingClient.createOrder(body)));
  const first = exchanges.find((e) => e.response?.status === 200) ?? exchanges[0]!;
  return exchanges.map((exchange, i) => ({
    exchange,
    ctx: target.context(exchange === first ? { kind: 'accept' } : { kind: 'replay', first }, body),
    caseName: `concurrent identical create ${i + 1} of ${RACERS}`,
  }));
}

/** RACERS creates of one out_order_no with different bodies at once: one winner, the others conflicts. */
export async function concurrentDifferent(target: TargetHandle): Promise<JudgedExchange[]> {
  const base = sampleValid(target, SAMPLE.idempotency.concurrentDifferent);
  const bodies = Array.from({ length: RACERS }, (_, i) => ({ ...base, attach: `racer ${i}` }));
  const exchanges = await Promise.all(bodies.map((b) => target.racingClient.createOrder(b)));
  const winner = exchanges.findIndex((e) => e.response?.status === 200);
  const first = exchanges[Math.max(winner, 0)]!;
  return exchanges.map((exchange, i) => ({
    exchange,
    ctx: target.context(exchange === first ? { kind: 'accept' } : { kind: 'conflict', first }, bodies[i]),
    caseName: `concurrent create ${i + 1} of ${RACERS} with attach "racer ${i}"`,
  }));
}
