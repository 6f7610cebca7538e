import { componentValidator } from './ajvInstance';
import { overlongArray } from './overlongArray';
import type { Violation } from './rule';
import { violationsFromAjv } from './violationsFromAjv';

const REQUEST = 'CreateOrderRequest';

/**
 * Field rules of the request body (JSON Schema part), at most MAX_VIOLATIONS of them; business
 * rules are checkBusinessRules. An array over its maxItems is reported alone, before ajv runs.
 */
export function validateRequestBody(body: unknown): Violation[] {
  const overlong = overlongArray(body);
  if (overlong !== undefined) return violationsFromAjv(REQUEST, [overlong]);
  const validate = componentValidator(REQUEST);
  return validate(body) ? [] : violationsFromAjv(REQUEST, validate.errors);
}

/**
 * The first field-rule violation `wanted` accepts (all, by default), or undefined: what an answer
 * needs. Validation stops at the first error; only when `wanted` passes over it is the (capped)
 * full list read.
 */
export function firstRequestViolation(
  body: unknown,
  wanted: (v: Violation) => boolean = () => true,
): Violation | undefined {
  const overlong = overlongArray(body);
  const validate = componentValidator(REQUEST, 'first');
  const errors = overlong !== undefined ? [overlong] : validate(body) ? [] : validate.errors;
  if (errors === null || errors === undefined || errors.length === 0) return undefined;
  const first = violationsFromAjv(REQUEST, errors)[0];
  if (first !== undefined && wanted(first)) return first;
  return validateRequestBody(body).find(wanted);
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
