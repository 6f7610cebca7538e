import type { Exchange } from '../../client';
import { rule } from '../../spec';
import type { CheckContext, CheckFailure } from '../types';
import { weakerBasis } from './basis';

/**
 * On a foreign target, a failure found on a request built to break a rule counts at most at that
 * rule's basis: where the sources do not define the request (a wrong method, a null field, an
 * oversized body) they define nothing about its answer either, so a 405 need not be a catalogued
 * error nor a gateway's 413 be signed. A 5xx status stays a server fault (SYSTEM-ERROR) whatever
 * was sent.
 */
export function capToProbe(found: CheckFailure, exchange: Exchange, ctx: CheckContext): CheckFailure {
  const { expectation } = ctx;
  if (ctx.target !== 'foreign' || expectation.kind !== 'reject' || found.ruleId === expectation.ruleId) return found;
  if (found.ruleId === 'SYSTEM-ERROR' && (exchange.response?.status ?? 0) >= 500) return found;
  const basis = weakerBasis(found.basis, rule(expectation.ruleId).basis);
  return basis === found.basis ? found : { ...found, basis, cappedBy: expectation.ruleId };
}
