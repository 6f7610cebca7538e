import { componentValidator } from './ajvInstance';
import type { Violation } from './rule';
import { violationsFromAjv } from './violationsFromAjv';

/** Field rules of the request body (JSON Schema part); business rules are checkBusinessRules. */
export function validateRequestBody(body: unknown): Violation[] {
  const validate = componentValidator('CreateOrderRequest');
  return validate(body) ? [] : violationsFromAjv('CreateOrderRequest', validate.errors);
}

/** Response fields with a rule of their own; every other 200 violation is RESP-SCHEMA. */
const RESPONSE_FIELD_RULES: Record<string, string> = {
  '/state': 'STATE-VALUES',
  '/state_description': 'STATE-VALUES',
  '/order_id': 'RESP-ORDER-ID',
};

/** A response schema violation names the response rule, not the request field's rule. */
function responseViolations(name: string, ruleId: string, body: unknown): Violation[] {
  const validate = componentValidator(name);
  if (validate(body)) return [];
  return violationsFromAjv(name, validate.errors).map((v) => ({
    ruleId: name === 'CreateOrderResponse' ? (RESPONSE_FIELD_RULES[v.pointer] ?? ruleId) : ruleId,
    pointer: v.pointer,
    message: v.message,
  }));
}

/** The 200 body against CreateOrderResponse (unknown properties allowed). */
export function validateResponseBody(body: unknown): Violation[] {
  return responseViolations('CreateOrderResponse', 'RESP-SCHEMA', body);
}

/** An error body against Error. */
export function validateErrorBody(body: unknown): Violation[] {
  return responseViolations('Error', 'ERR-SCHEMA', body);
}
