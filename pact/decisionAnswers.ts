// pact verify's mock stage judges a merchant's pact as the suites judge a foreign target: where the mock's
// answer rests on a DECISION of this project's, another answer is informational, not a failure.
import { FOREIGN_PARTY, verdictOf } from '../judgement';
import { isRuleId, rule, type Basis } from '../specification';
import type { MockAnswer } from './answerLog';
import type { InteractionResult } from './interactionResult';

/** The rule the mock names at the end of an error answer's message (`… (AUTH-MCHID)`), if any. */
function answeringRule(answer: MockAnswer | undefined): string | undefined {
  if (answer === undefined || answer.status < 400) return undefined;
  try {
    const message = (JSON.parse(answer.body) as { message?: unknown }).message;
    const id = typeof message === 'string' ? /\(([A-Z][A-Z0-9-]*)\)$/.exec(message)?.[1] : undefined;
    return id !== undefined && isRuleId(id) ? id : undefined;
  } catch {
    return undefined; // cut at MAX_BODY, or not JSON: no rule to read
  }
}

/**
 * The basis on which the mock's refusal differs from the status the pact expects: the rule's `foreign` basis
 * when a foreign target may answer that status (AUTH-MCHID: 401 or 403 is a DECISION), else the rule's own.
 */
function basisOfAnswer(ruleId: string, expected: number | undefined): Basis {
  const { basis, foreign } = rule(ruleId);
  return foreign !== undefined && expected !== undefined && foreign.statuses.includes(expected) ? foreign.basis : basis;
}

/**
 * A pact that expects another answer than the mock gives under a DECISION (403 where the mock answers 401
 * for a wrong mchid) expects what another implementation may do: the merchant's pact is a foreign party, so
 * through the one verdict function the response differences are informational notes, not failures, as the
 * suites count a DECISION against a foreign target. The state set-ups that failed still fail it.
 */
export function answeredByDecision(
  result: InteractionResult,
  answer: MockAnswer | undefined,
  expected: number | undefined,
): InteractionResult {
  const ruleId = answeringRule(answer);
  const response = result.differences.filter((d) => d.field.startsWith('response'));
  if (ruleId === undefined || !response.some((d) => d.field === 'response status')) return result;
  const seen = response.map((d) => `${d.field}: ${d.message}`).join('; ');
  const basis = basisOfAnswer(ruleId, expected);
  if (verdictOf({ ruleId, seen, basis }, FOREIGN_PARTY) !== 'informational') return result;
  result.differences = result.differences.filter((d) => !response.includes(d));
  result.notes.push(
    `informational: the mock answered under ${ruleId}, a DECISION of this project's; another implementation may answer as the pact expects (${seen})`,
  );
  result.passed = result.differences.length === 0;
  return result;
}
