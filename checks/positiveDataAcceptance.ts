import { HarnessError } from './harnessError';
import { bodyViolations, errorCode, failure, show } from './judging';
import type { CheckDefinition } from './types';

/**
 * A valid request gets 200. Before blaming the target the body is re-checked with the spec
 * module: a body that breaks a rule is a harness problem (HarnessError), not a refusal to blame.
 * The failure names the rule the case exercises (expectation.ruleId, e.g. a boundary case), else
 * VALID-ACCEPTED: a request that satisfies every rule is answered 200.
 */
export const positiveDataAcceptance: CheckDefinition = {
  rules: ['VALID-ACCEPTED'],
  description: 'A valid request is answered 200.',
  run(exchange, ctx) {
    if (ctx.expectation.kind !== 'accept') return 'not-applicable';
    const response = exchange.response;
    if (response?.status === 200) return [];
    const ruleId = ctx.expectation.ruleId ?? 'VALID-ACCEPTED';
    const violations = bodyViolations(exchange, ctx);
    if (violations === undefined) throw new HarnessError(ruleId, 'the case is labelled valid but its body is not JSON');
    const [first] = violations;
    if (first !== undefined) {
      throw new HarnessError(
        ruleId,
        `the case is labelled valid but its body breaks ${first.ruleId} at ${first.pointer || '/'} (${first.message})`,
      );
    }
    const answer =
      response === undefined
        ? `no response (${exchange.transportError?.kind ?? 'other'}: ${exchange.transportError?.message ?? ''})`
        : `${response.status} ${errorCode(exchange) ?? ''} ${show(response.json ?? response.body.toString('utf8'))}`;
    return [failure(ruleId, `a valid request was refused: ${answer}`)];
  },
};
