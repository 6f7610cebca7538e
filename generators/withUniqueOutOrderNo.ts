import type { CreateOrderRequest } from '../specification';

/**
 * The counter's digits: one case of letters only, so two counters never differ by case alone. A
 * target that stores out_order_no in a case-insensitive column (IDEMP-CASE) must not see unrelated
 * creates collide and be failed under the rules of whatever those creates probed.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = /[0-9A-Za-z]/;
/** The alphanumeric out_order_no positions that carry the counter, when there are that many. */
export const UNIQUE_COUNTER_WIDTH = 7;
/** The counters an out_order_no with full room takes: 36^7 ≈ 7.8e10. */
export const UNIQUE_COUNTERS = DIGITS.length ** UNIQUE_COUNTER_WIDTH;

const alphanumericPositions = (outOrderNo: string): number[] =>
  [...outOrderNo].flatMap((c, i) => (ALNUM.test(c) ? [i] : []));

/** Whether withUniqueOutOrderNo takes every counter below UNIQUE_COUNTERS for this out_order_no. */
export function hasUniqueRoom(outOrderNo: string): boolean {
  return alphanumericPositions(outOrderNo).length >= UNIQUE_COUNTER_WIDTH;
}

/**
 * A copy of `request` whose out_order_no is unique per (runId, counter), with the same length
 * and the same `_ - | *` characters at the same positions: only its k alphanumeric positions are
 * rewritten — the rightmost min(k, UNIQUE_COUNTER_WIDTH) carry `counter` in base 36 (digits and capitals), the rest
 * carry runId's alphanumerics. Unique within a run, case aside too, for counters 0 .. 36^min(k, UNIQUE_COUNTER_WIDTH)-1;
 * throws RangeError beyond.
 *
 * How suites use it: keep one counter per run, starting at 0, and pass every request through
 * it right before sending (`withUniqueOutOrderNo(req, counter++, runId)`); send an unchanged
 * copy only to test a replay. validRequest always leaves >= 8 alphanumeric positions; the
 * one-character boundary cases do not: `_ - | *` alone (k = 0) only take counter 0, and a
 * single alphanumeric takes 0..61 — give them their own counter (or send them once per run).
 */
export function withUniqueOutOrderNo(request: CreateOrderRequest, counter: number, runId = ''): CreateOrderRequest {
  const chars = [...request.out_order_no];
  const positions = alphanumericPositions(request.out_order_no);
  const width = Math.min(positions.length, UNIQUE_COUNTER_WIDTH);
  if (!Number.isSafeInteger(counter) || counter < 0 || counter >= DIGITS.length ** width) {
    throw new RangeError(
      `out_order_no ${JSON.stringify(request.out_order_no)} has room for counters 0..${DIGITS.length ** width - 1}, got ${counter}`,
    );
  }
  const digits: string[] = [];
  for (let rest = counter, i = 0; i < width; i++, rest = Math.floor(rest / DIGITS.length))
    digits.unshift(DIGITS[rest % DIGITS.length]!);
  const tag = [...runId].filter((c) => ALNUM.test(c));
  const lead = positions.slice(0, positions.length - width);
  lead.forEach((p, i) => (chars[p] = tag[i] ?? chars[p]!));
  positions.slice(positions.length - width).forEach((p, i) => (chars[p] = digits[i]!));
  return { ...request, out_order_no: chars.join('') };
}
