import type { Exchange } from '../../client';
import { rule } from '../../specification';
import { HarnessError } from '../harnessError';
import type { CheckContext, CheckDefinition, CheckFinding } from '../types';
import { answerMismatch, expectedAnswer } from './expectedAnswer';
import { failure } from './failure';
import { everyBrokenRule, type Recheck } from './requestRecheck';

/** Another rule the request breaks whose own expected answer this is, or undefined. */
function answeredForAnotherRule(exchange: Exchange, ctx: CheckContext, ruleId: string): string | undefined {
  const others = new Set(
    everyBrokenRule(exchange, ctx)
      .map((v) => v.ruleId)
      .filter((id) => id !== ruleId && rule(id).expect !== undefined),
  );
  return [...others].find((id) => answerMismatch(exchange, expectedAnswer(id, ctx.targetKind)) === undefined);
}

/**
 * Judges a request that breaks exactly `ruleId`. A refusal with another 4xx answer counts at the
 * basis the sources fix that answer with (openapi.yaml `foreign`), unless it is the answer of another
 * rule the request turns out to break too. An acceptance (2xx) is the false-positive risk, so the
 * request is re-checked first: when it turns out valid the harness is wrong (HarnessError), when it
 * breaks another rule that rule is named, when it cannot be re-checked the failure says so.
 */
export function judgeRejection(
  exchange: Exchange,
  ctx: CheckContext,
  ruleId: string,
  recheck: () => Recheck,
): CheckFinding[] {
  const expected = expectedAnswer(ruleId, ctx.targetKind);
  const mismatch = answerMismatch(exchange, expected);
  if (mismatch === undefined) return [];
  const status = exchange.response?.status;
  if (status !== undefined && status >= 400 && status < 500) {
    if (answeredForAnotherRule(exchange, ctx, ruleId) !== undefined) return [];
    return [failure(ruleId, mismatch, undefined, undefined, expected.basis)];
  }
  if (status === undefined || status < 200 || status >= 300) return [failure(ruleId, mismatch)];
  const rechecked = recheck();
  if (rechecked.kind === 'valid') {
    throw new HarnessError(
      ruleId,
      `the case is labelled as breaking ${ruleId}, but the request the target received is valid, so its ${status} proves nothing`,
    );
  }
  if (rechecked.kind === 'unknown')
    return [failure(ruleId, `${mismatch}: accepted (re-check not possible: ${rechecked.why})`)];
  const own = rechecked.violations.find((v) => v.ruleId === ruleId);
  if (own !== undefined)
    return [
      failure(
        ruleId,
        `${mismatch}: accepted a request that breaks ${ruleId} (${own.message})`,
        own.pointer || undefined,
      ),
    ];
  const [other] = rechecked.violations;
  if (other === undefined) return [failure(ruleId, mismatch)];
  return [
    failure(
      other.ruleId,
      `${mismatch}: accepted a request labelled ${ruleId} that in fact breaks ${other.ruleId} (${other.message})`,
      other.pointer || undefined,
    ),
  ];
}

/** A check owning the cases labelled with one of `rules`: each is judged by judgeRejection, re-checked by `recheck`. */
export function rejectionCheck(
  rules: readonly string[],
  description: string,
  recheck: (exchange: Exchange, ctx: CheckContext, ruleId: string) => Recheck,
): CheckDefinition {
  return {
    rules: [...rules],
    description,
    run(exchange, ctx) {
      const { expectation } = ctx;
      if (expectation.kind !== 'reject' || !rules.includes(expectation.ruleId)) return 'not-applicable';
      const { ruleId } = expectation;
      return judgeRejection(exchange, ctx, ruleId, () => recheck(exchange, ctx, ruleId));
    },
  };
}
