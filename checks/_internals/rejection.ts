import type { Exchange } from '../../client';
import type { CheckName } from '../checkName';
import { HarnessError } from '../harnessError';
import type { CheckContext, CheckFailure } from '../types';
import { answerMismatch, expectedAnswer } from './expectedAnswer';
import { failure } from './failure';
import type { Recheck } from './requestRecheck';

/**
 * Judges a request that breaks exactly `ruleId`. A wrong refusal is a plain failure; an
 * acceptance (2xx) is the false-positive risk, so the request is re-checked first: when it turns
 * out valid the harness is wrong (HarnessError is thrown), when it breaks another rule that rule
 * is named, when it cannot be re-checked the failure says so.
 */
export function judgeRejection(check: CheckName, exchange: Exchange, ctx: CheckContext, ruleId: string, recheck: () => Recheck): CheckFailure[] {
  const mismatch = answerMismatch(exchange, expectedAnswer(check, ruleId, ctx.target));
  if (mismatch === undefined) return [];
  const status = exchange.response?.status;
  if (status === undefined || status < 200 || status >= 300) return [failure(check, ruleId, mismatch)];
  const verdict = recheck();
  if (verdict.kind === 'valid') {
    throw new HarnessError(check, ruleId, `the case is labelled as breaking ${ruleId}, but the request the target received is valid, so its ${status} proves nothing`);
  }
  if (verdict.kind === 'unknown') return [failure(check, ruleId, `${mismatch}: accepted (re-check not possible: ${verdict.why})`)];
  const own = verdict.violations.find((v) => v.ruleId === ruleId);
  if (own !== undefined) return [failure(check, ruleId, `${mismatch}: accepted a request that breaks ${ruleId} (${own.message})`, own.pointer || undefined)];
  const [other] = verdict.violations;
  if (other === undefined) return [failure(check, ruleId, mismatch)];
  return [failure(check, other.ruleId, `${mismatch}: accepted a request labelled ${ruleId} that in fact breaks ${other.ruleId} (${other.message})`, other.pointer || undefined)];
}
