import { rule } from '../specification';
import { errorCode, failure } from './judging';
import type { CheckDefinition } from './types';

/** SYSTEM-ERROR: no 5xx and no broken connection, unless the case asks for exactly that rule's answer. */
export const notAServerError: CheckDefinition = {
  rules: ['SYSTEM-ERROR'],
  description:
    'The target neither answers 5xx nor drops the connection or times out on a request that does not ask for it.',
  run(exchange, ctx) {
    const expectsServerError =
      ctx.expectation.kind === 'reject' && (rule(ctx.expectation.ruleId).expect?.status ?? 0) >= 500;
    if (expectsServerError) return 'not-applicable';
    if (exchange.response === undefined) {
      const error = exchange.transportError;
      return [
        failure(
          'SYSTEM-ERROR',
          `no response: ${error?.kind ?? 'other'} after ${exchange.durationMs} ms (${error?.message ?? 'no detail'})`,
        ),
      ];
    }
    const { status } = exchange.response;
    if (status < 500) return [];
    return [
      failure(
        'SYSTEM-ERROR',
        `answered ${status}${errorCode(exchange) === undefined ? '' : ` ${errorCode(exchange)}`}: a server fault`,
      ),
    ];
  },
};
