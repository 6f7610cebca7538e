import { answeredBody, failure } from './judging';
import type { CheckDefinition, CheckFinding } from './types';

/** The values that identify one answer (headers) or one order (200 body), with the rule that makes them unique. */
const HEADERS = [
  ['request-id', 'RESP-REQUEST-ID-UNIQUE'],
  ['wechatpay-nonce', 'RESP-NONCE-FRESH'],
] as const;
const ORDER_VALUES = [
  ['order_id', 'RESP-ORDER-ID'],
  ['package', 'STATE-CONFIRM-MODE'],
] as const;

/**
 * Values that must differ on every answer: Request-ID (RESP-REQUEST-ID-UNIQUE) and Wechatpay-Nonce
 * (RESP-NONCE-FRESH) from every earlier answer, order_id (RESP-ORDER-ID) and package
 * (STATE-CONFIRM-MODE, single use) from those of every earlier order. ctx.earlier holds the answers
 * to other orders of the same test; a replay of the same order is never among them.
 */
export const freshValues: CheckDefinition = {
  rules: [...HEADERS.map(([, r]) => r), ...ORDER_VALUES.map(([, r]) => r)],
  description:
    'Request-ID and Wechatpay-Nonce differ from every earlier answer, order_id and package from every other order.',
  run(exchange, ctx) {
    const response = exchange.response;
    if (response === undefined || ctx.earlier === undefined || ctx.earlier.length === 0) return 'not-applicable';
    const out: CheckFinding[] = [];
    for (const [header, ruleId] of HEADERS) {
      const value = response.headers[header];
      if (value !== undefined && value !== '' && ctx.earlier.some((e) => e.response?.headers[header] === value))
        out.push(failure(ruleId, `${header} ${JSON.stringify(value)} was already sent on an earlier answer`));
    }
    // A package or order_id written "" or null is none (RESP-ABSENT-FORM): nothing to repeat.
    const valueOf = (e: typeof exchange, field: string) => answeredBody(e)?.body[field];
    for (const [field, ruleId] of ORDER_VALUES) {
      const value = valueOf(exchange, field);
      if (typeof value === 'string' && ctx.earlier.some((e) => valueOf(e, field) === value))
        out.push(failure(ruleId, `${field} ${JSON.stringify(value)} also answers another order`, `/${field}`));
    }
    return out;
  },
};
