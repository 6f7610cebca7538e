import type { Exchange } from '../../client';
import type { CheckName } from '../registry';
import { CHECKS } from '../registry';
import type { CaseExpectation, CheckContext, CheckFailure } from '../types';
import type { TargetKind } from '../../judgement';
import { MCHID, NOW_MS } from './testKeys';

/** A check context at NOW_MS for the test mchid. */
export function contextFor(
  expectation: CaseExpectation,
  targetKind: TargetKind = 'mock',
  extra: Partial<CheckContext> = {},
): CheckContext {
  return { mchid: MCHID, expectation, targetKind, now: NOW_MS, ...extra };
}

/** For tests: the failures of one check, failing the test when the check calls itself not applicable. */
export function failuresOf(name: CheckName, exchange: Exchange, ctx: CheckContext): CheckFailure[] {
  const result = CHECKS[name].run(exchange, ctx);
  if (result === 'not-applicable') throw new Error(`${name} was not applicable`);
  return result;
}

/** For tests: the rule ids a check names on this exchange. */
export function rulesOf(name: CheckName, exchange: Exchange, ctx: CheckContext): string[] {
  return failuresOf(name, exchange, ctx).map((f) => f.ruleId);
}
