import { canonicalJson } from '../mock';
import type { CallerExchange } from './clientSession';
import { findingOf, type Finding } from '../judgement';

/**
 * A retry this soon after a 429 is immediate (openapi.yaml, CLIENT-RATE-LIMIT-WAIT). One immediate retry is
 * a wait that came out short (full jitter draws it from 0 up); a run of them is a loop.
 */
export const IMMEDIATE_MS = 50;
/** Immediate retries after 429s in one run that make a tight loop (full jitter from 100 ms: about 3 in 100 000). */
export const LOOP_RETRIES = 5;

/**
 * CLIENT-RATE-LIMIT-WAIT over the whole retry sequence of a run, never one gap against a threshold: the
 * same caller gets the same verdict whatever its random waits draw. Undefined when no 429 was answered.
 */
export function rateLimitFinding(exchanges: readonly CallerExchange[]): Finding | undefined {
  const gaps = exchanges.flatMap((e, i) => {
    const next = exchanges[i + 1];
    if (e.answer?.status !== 429 || e.answer.cut || next === undefined) return [];
    return [next.request.receivedAt - e.answer.sentAt];
  });
  if (!exchanges.some((e) => e.answer?.status === 429 && !e.answer.cut)) return undefined;
  const immediate = gaps.filter((g) => g < IMMEDIATE_MS);
  // Waits that grow are a backoff, however short they start (doubling from 1 ms, full jitter from 10 ms):
  // a loop is a run of immediate retries whose later half stays immediate too.
  const later = gaps.slice(Math.floor(gaps.length / 2)).sort((a, b) => a - b);
  const grows = (later[Math.floor(later.length / 2)] ?? 0) >= IMMEDIATE_MS;
  return findingOf(
    'CLIENT-RATE-LIMIT-WAIT',
    immediate.length < LOOP_RETRIES || grows
      ? undefined
      : `${immediate.length} of ${gaps.length} retries came within ${IMMEDIATE_MS} ms of a 429 (gaps ${gaps.join(', ')} ms): a tight loop`,
  );
}

/**
 * The rules a run judges from its requests together: the same order, the same parameters, one order, the
 * waits after 429. CLIENT-RETRY-SAME-OON and CLIENT-ONE-ORDER are exercised only by a retry (two requests or
 * more): a caller that never retries leaves them unexercised, a written exception (openapi.yaml
 * x-may-be-unexercised). The parameters are judged from the first request on: it must send the order given.
 */
export function retryFindings(exchanges: readonly CallerExchange[], order: Record<string, unknown>): Finding[] {
  const waits = rateLimitFinding(exchanges);
  const found = waits === undefined ? [] : [waits];
  if (exchanges.length === 0) return found;
  const oon = order['out_order_no'];
  const parameters = canonicalJson(order);
  const otherOon = exchanges.find((e) => e.outOrderNo !== oon);
  const otherParams = exchanges.find((e) => e.parameters !== parameters);
  const orders = new Set(
    exchanges.flatMap((e) => (e.answer?.status === 200 && e.answer.orderId ? [e.answer.orderId] : [])),
  );
  const params = findingOf(
    'CLIENT-RETRY-SAME-PARAMS',
    otherParams === undefined
      ? undefined
      : `request ${otherParams.index} sent other parameters than the order given in PAYSCORE_ORDER`,
  );
  if (exchanges.length < 2) return [params, ...found];
  return [
    params,
    findingOf(
      'CLIENT-RETRY-SAME-OON',
      otherOon === undefined
        ? undefined
        : `request ${otherOon.index} sent out_order_no ${String(otherOon.outOrderNo)}, not the order's ${String(oon)}`,
    ),
    findingOf(
      'CLIENT-ONE-ORDER',
      orders.size <= 1 ? undefined : `${orders.size} orders were made for one purchase: ${[...orders].join(', ')}`,
    ),
    ...found,
  ];
}
