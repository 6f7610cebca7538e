import { HarnessError } from './harnessError';
import { answeredBody, deepEqual, errorCode, failure, parseJsonBytes, show } from './judging';
import type { CheckDefinition, CheckFinding } from './types';

/** The JSON value of a request body, or its raw text when it is not JSON. */
const bodyOf = (bytes: Buffer): unknown => {
  const parsed = parseJsonBytes(bytes);
  return parsed.ok ? parsed.value : bytes.toString('latin1');
};

/**
 * IDEMP-SAME: a replay of a request that succeeded succeeds again with the same order — the same
 * order_id when both answers carry one, and the same state. A first answer that was not 200 is
 * judged by its own exchange's checks, so the replay is then not applicable.
 */
export const idempotentReplay: CheckDefinition = {
  rules: ['IDEMP-SAME'],
  description: 'The same out_order_no with the same parameters is answered 200 with the same order_id and state.',
  run(exchange, ctx) {
    const { expectation } = ctx;
    if (expectation.kind !== 'replay') return 'not-applicable';
    // An order_id written null is no order_id (RESP-ABSENT-FORM).
    const before = answeredBody(expectation.first)?.body;
    if (before === undefined) return 'not-applicable';
    const now = answeredBody(exchange)?.body;
    if (now === undefined) {
      if (!deepEqual(bodyOf(exchange.request.body), bodyOf(expectation.first.request.body))) {
        throw new HarnessError(
          'IDEMP-SAME',
          'the case is labelled a replay but its body is not the same JSON value as the first request',
        );
      }
      const got =
        exchange.response === undefined ? 'no response' : `${exchange.response.status} ${errorCode(exchange) ?? ''}`;
      return [failure('IDEMP-SAME', `the replay was answered ${got.trim()}, not 200`)];
    }
    const out: CheckFinding[] = [];
    if (before['order_id'] !== undefined && now['order_id'] !== undefined && before['order_id'] !== now['order_id']) {
      out.push(
        failure(
          'IDEMP-SAME',
          `order_id ${show(now['order_id'])} differs from the first answer's ${show(before['order_id'])}`,
          '/order_id',
        ),
      );
    }
    if (before['state'] !== now['state']) {
      out.push(
        failure(
          'IDEMP-SAME',
          `state ${show(now['state'])} differs from the first answer's ${show(before['state'])}`,
          '/state',
        ),
      );
    }
    return out;
  },
};
