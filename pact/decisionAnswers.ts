// pact verify's mock stage judges a merchant's pact as the suites judge a foreign target: where the mock's
// answer rests on a DECISION of this project's, another answer is informational, not a failure.
import { FOREIGN_PARTY, verdictOf } from '../judgement';
import { ruleOfMessage } from '../mock';
import { isRuleId, rule, type Basis } from '../specification';
import type { MockAnswer } from './answerLog';
import type { InteractionResult } from './interactionResult';

/**
 * The rule the mock's error answer names at the end of its message (`… (AUTH-MCHID)`), if any. The log keeps
 * the first 600 bytes of a body, so the message (written before any detail) is read from the text itself.
 */
function answeringRule(answer: MockAnswer | undefined): string | undefined {
  if (answer === undefined || answer.status < 400) return undefined;
  const literal = /"message"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(answer.body)?.[1];
  if (literal === undefined) return undefined;
  const id = ruleOfMessage(JSON.parse(literal) as string);
  return id !== undefined && isRuleId(id) ? id : undefined;
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
