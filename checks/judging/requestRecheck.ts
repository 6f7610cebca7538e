import type { Exchange } from '../../client';
import { parseAuthorization } from '../../apiv3';
import { bindingViolations, checkBusinessRules, rule, validateRequestBody, type Violation } from '../../specification';
import type { CheckContext } from '../types';
import { asObject, parseJsonBytes, requestHeader, sentJson } from './json';

/** What the specification module says about the request the target actually received. */
export type Recheck =
  | { kind: 'breaks'; violations: Violation[] }
  | { kind: 'valid' }
  /** The specification module cannot judge this rule from the recorded request alone. */
  | { kind: 'unknown'; why: string };

/** Business rules whose truth is target configuration (grants, per-service names), not the body. */
const CONFIGURATION_RULES: readonly string[] = ['NO-AUTH', 'RISK-NAME-SERVICE'];

/** The moment of the call: the signed Authorization timestamp, else ctx.now. */
function callTime(exchange: Exchange, ctx: CheckContext): number {
  const parsed = parseAuthorization(requestHeader(exchange, 'Authorization'));
  return parsed.ok ? Number(parsed.params.timestamp) * 1000 : ctx.now;
}

/** The body rules (field rules, then business rules) the received body breaks. */
export function bodyViolations(exchange: Exchange, ctx: CheckContext): Violation[] | undefined {
  const sent = sentJson(exchange, ctx);
  if (!sent.ok) return undefined;
  const fieldViolations = validateRequestBody(sent.value);
  if (fieldViolations.length > 0) return fieldViolations;
  // Without the profile's cap RISK-CAP cannot be judged; an infinite cap keeps it silent.
  return checkBusinessRules(sent.value, {
    now: callTime(exchange, ctx),
    riskFundCap: ctx.riskFundCap ?? Number.POSITIVE_INFINITY,
  });
}

/**
 * Every rule the received body breaks, field, business and binding rules together: a body that
 * breaks two rules may be answered for either (an over-long appid is also not bound: 400 or 403).
 */
export function everyBrokenRule(exchange: Exchange, ctx: CheckContext): Violation[] {
  const sent = sentJson(exchange, ctx);
  const body = sent.ok ? asObject(sent.value) : undefined;
  if (body === undefined) return [];
  const business = checkBusinessRules(body, {
    now: callTime(exchange, ctx),
    riskFundCap: ctx.riskFundCap ?? Number.POSITIVE_INFINITY,
  });
  return [
    ...validateRequestBody(body),
    ...business,
    ...(ctx.identities === undefined ? [] : bindingViolations(body, ctx.identities)),
  ];
}

/** Re-checks that the received body really breaks `ruleId` before a target is blamed for accepting it. */
export function recheckBody(exchange: Exchange, ctx: CheckContext, ruleId: string): Recheck {
  if (ruleId === 'BODY-NOT-JSON')
    return parseJsonBytes(exchange.request.body).ok ? { kind: 'valid' } : breaks(ruleId, 'the body is not JSON');
  if (ruleId === 'BODY-NOT-OBJECT') {
    const sent = parseJsonBytes(exchange.request.body);
    if (!sent.ok) return { kind: 'unknown', why: 'the body is not JSON at all' };
    return asObject(sent.value) === undefined ? breaks(ruleId, 'the body is not a JSON object') : { kind: 'valid' };
  }
  const { enforcement } = rule(ruleId);
  if (enforcement !== 'schema' && enforcement !== 'business')
    return { kind: 'unknown', why: `${ruleId} is a ${enforcement} rule, not a property of the body` };
  if (CONFIGURATION_RULES.includes(ruleId))
    return { kind: 'unknown', why: `${ruleId} depends on the target's configuration` };
  if (ruleId === 'RISK-CAP' && ctx.riskFundCap === undefined)
    return { kind: 'unknown', why: 'the profile states no risk-fund cap' };
  const violations = bodyViolations(exchange, ctx);
  if (violations === undefined) return { kind: 'unknown', why: 'the body is not JSON' };
  return violations.length === 0 ? { kind: 'valid' } : { kind: 'breaks', violations };
}

function breaks(ruleId: string, message: string): Recheck {
  return { kind: 'breaks', violations: [{ ruleId, pointer: '', message }] };
}
