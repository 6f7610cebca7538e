import { AUTH_RULES, CONFLICT_RULE, HEADER_RULES, judgeRejection, negativeRules, recheckBody } from './judging';
import type { CheckDefinition } from './types';

/**
 * A request breaking rule R gets rule(R).expect (rule(R).foreign against a foreign target). A 2xx
 * is re-checked with validateRequestBody / checkBusinessRules on the bytes the
 * target received: a valid body throws HarnessError (our problem, exit 2), never a failure.
 */
export const negativeDataRejection: CheckDefinition = {
  rules: negativeRules(),
  description: "A request that breaks exactly one body or protocol rule gets that rule's documented status and code.",
  run(exchange, ctx) {
    const { expectation } = ctx;
    if (expectation.kind !== 'reject') return 'not-applicable';
    const { ruleId } = expectation;
    if (AUTH_RULES.includes(ruleId) || HEADER_RULES.includes(ruleId) || ruleId === CONFLICT_RULE)
      return 'not-applicable';
    return judgeRejection(exchange, ctx, ruleId, () => recheckBody(exchange, ctx, ruleId));
  },
};
