import { isKnownErrorPair, validateErrorBody, validateResponseBody } from '../specification';
import { asObject, errorCode, failure, readAbsent, readAbsentError, sentJson } from './judging';
import type { CheckContext, CheckDefinition, CheckFinding } from './types';
import type { Exchange } from '../client';

/**
 * The body as the schema should see it: an optional field written null or empty for "no value" is
 * read as absent, its form reported under RESP-ABSENT-FORM (DECISION: informational on a foreign target).
 */
function absentRead(exchange: Exchange, ctx: CheckContext, json: unknown, ok: boolean): [unknown, CheckFinding[]] {
  const body = asObject(json);
  if (body === undefined) return [json, []];
  const sent = sentJson(exchange, ctx);
  const read = ok ? readAbsent(body, sent.ok ? sent.value : undefined) : readAbsentError(body);
  return [read.body, read.forms.map((f) => failure('RESP-ABSENT-FORM', f.message, f.pointer))];
}

/** The code whose answers name the field (ERR-DETAIL-FIELD); suites need it to know the rule was judged. */
export const DETAILED_ERROR_CODE = 'PARAM_ERROR';

/** PARAM_ERROR names the field (ERR-DETAIL-FIELD, DECISION: judged only where the verdict allows). */
function detailFailures(json: unknown): CheckFinding[] {
  const body = json as { code?: unknown; detail?: { field?: unknown; location?: unknown } };
  if (body.code !== DETAILED_ERROR_CODE) return [];
  const field = body.detail?.field;
  if (typeof field === 'string' && (field === '' || field.startsWith('/')) && body.detail?.location === 'body')
    return [];
  return [
    failure('ERR-DETAIL-FIELD', 'PARAM_ERROR carries no detail {field: <JSON Pointer>, location: "body"}', '/detail'),
  ];
}

/** RESP-SCHEMA / STATE-VALUES on a 200, ERR-SCHEMA on an error (its status/code pair catalogued). */
export const responseSchemaConformance: CheckDefinition = {
  rules: ['RESP-SCHEMA', 'STATE-VALUES', 'ERR-SCHEMA', 'ERR-DETAIL-FIELD', 'RESP-ABSENT-FORM'],
  description:
    'A 200 body matches CreateOrderResponse; an error body matches Error and its code is catalogued for its status.',
  run(exchange, ctx) {
    const response = exchange.response;
    if (response === undefined || (response.status !== 200 && response.status < 400)) return 'not-applicable';
    const ok = response.status === 200;
    const ruleId = ok ? 'RESP-SCHEMA' : 'ERR-SCHEMA';
    if (response.json === undefined) return [failure(ruleId, `the ${response.status} body is not JSON`)];
    const [json, forms] = absentRead(exchange, ctx, response.json, ok);
    const violations = ok ? validateResponseBody(json) : validateErrorBody(json);
    const out: CheckFinding[] = violations.map((v) => failure(v.ruleId, v.message, v.pointer));

    const code = errorCode(exchange);
    if (!ok && code !== undefined && !isKnownErrorPair(response.status, code)) {
      out.push(failure('ERR-SCHEMA', `${response.status} ${code} is not a status/code pair of x-error-codes`, '/code'));
    }
    if (!ok && out.length === 0) out.push(...detailFailures(json));
    return [...out, ...forms];
  },
};
