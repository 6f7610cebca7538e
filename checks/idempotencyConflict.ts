import type { Exchange } from '../client';
import { asObject, CONFLICT_RULE, deepEqual, judgeRejection, parseJsonBytes, type Recheck } from './judging';
import type { CheckDefinition } from './types';

const parse = (exchange: Exchange): unknown => {
  const parsed = parseJsonBytes(exchange.request.body);
  return parsed.ok ? parsed.value : undefined;
};

/** A conflict is the same out_order_no with another JSON value; anything else is a mislabelled case. */
function recheckConflict(exchange: Exchange, first: Exchange): Recheck {
  const now = parse(exchange);
  const before = parse(first);
  const orderNo = (v: unknown): unknown => asObject(v)?.['out_order_no'];
  if (orderNo(now) === undefined || orderNo(now) !== orderNo(before)) return { kind: 'valid' };
  if (deepEqual(now, before)) return { kind: 'valid' };
  return {
    kind: 'breaks',
    violations: [
      {
        ruleId: CONFLICT_RULE,
        pointer: '/out_order_no',
        message: `out_order_no ${JSON.stringify(orderNo(now))} was sent before with other parameters`,
      },
    ],
  };
}

/** IDEMP-CONFLICT: the same out_order_no with different parameters → 400 INVALID_REQUEST. */
export const idempotencyConflict: CheckDefinition = {
  rules: [CONFLICT_RULE],
  description: 'The same out_order_no sent again with different parameters is refused with 400 INVALID_REQUEST.',
  run(exchange, ctx) {
    const { expectation } = ctx;
    if (expectation.kind === 'reject' && expectation.ruleId === CONFLICT_RULE) {
      return judgeRejection(exchange, ctx, CONFLICT_RULE, () => ({
        kind: 'unknown',
        why: 'the case does not record the first exchange',
      }));
    }
    if (expectation.kind !== 'conflict') return 'not-applicable';
    if (expectation.first.response?.status !== 200) return 'not-applicable';
    return judgeRejection(exchange, ctx, CONFLICT_RULE, () => recheckConflict(exchange, expectation.first));
  },
};
