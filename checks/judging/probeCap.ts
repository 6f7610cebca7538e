import type { Exchange } from '../../client';
import { rule } from '../../specification';
import type { CheckContext, CheckFailure } from '../types';
import { weakerBasis } from './basis';

/**
 * On a foreign target, a failure found on a request built to break a rule counts at most at that
 * rule's basis: where the sources do not define the request (a wrong method, a null field, an
 * oversized body) they define nothing about its answer either, so a 405 need not be a catalogued
 * error nor a gateway's 413 be signed. A 5xx status stays a server fault (SYSTEM-ERROR) whatever
 * was sent. A replay that is one only by a DECISION (key order, IDEMP-SAME-JSON) is capped likewise,
 * and so is a create that is a new order only by a DECISION (`capped`: IDEMP-CASE), which a correct
 * target may answer as another case (a replay of the order whose out_order_no differs by case).
 */
export function capToProbe(found: CheckFailure, exchange: Exchange, ctx: CheckContext): CheckFailure {
  const probe = probedRule(ctx);
  if (ctx.targetKind !== 'foreign' || probe === undefined || found.ruleId === probe) return found;
  if (found.ruleId === 'SYSTEM-ERROR' && (exchange.response?.status ?? 0) >= 500) return found;
  const basis = weakerBasis(found.basis, rule(probe).basis);
  return basis === found.basis ? found : { ...found, basis, evidence: { ...found.evidence, cappedBy: probe } };
}

/** The rule a case's request was built on: the one it breaks, or the one that makes it a replay. */
function probedRule({ expectation }: CheckContext): string | undefined {
  if (expectation.kind === 'reject') return expectation.ruleId;
  if (expectation.kind === 'accept') return expectation.capped === true ? expectation.ruleId : undefined;
  return expectation.kind === 'replay' ? expectation.ruleId : undefined;
}
