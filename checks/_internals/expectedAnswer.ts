import type { Exchange } from '../../client';
import { errorCodes, rule } from '../../spec';
import type { CheckName } from '../checkName';
import { HarnessError } from '../harnessError';
import type { Target } from '../types';
import { asObject, show } from './json';

/** The answers a target may give to a request that breaks exactly `ruleId`. */
export interface ExpectedAnswer {
  statuses: number[];
  codes: string[];
}

/** rule(ruleId).expect, widened by foreignStatuses / foreignCodes against a foreign target. */
export function expectedAnswer(check: CheckName, ruleId: string, target: Target): ExpectedAnswer {
  const expect = rule(ruleId).expect;
  if (expect === undefined) throw new HarnessError(check, ruleId, `rule ${ruleId} has no expected answer in openapi.yaml, so no case may expect its rejection`);
  if (target === 'mock') return { statuses: [expect.status], codes: expect.codes };
  const statuses = expect.foreignStatuses ?? [expect.status];
  // A status admitted only for foreign targets brings its catalogued codes (AUTH-MCHID: 403 NO_AUTH).
  const widened = errorCodes().filter((e) => statuses.includes(e.status) && e.status !== expect.status).map((e) => e.code);
  return { statuses, codes: [...new Set([...(expect.foreignCodes ?? expect.codes), ...widened])] };
}

/** The `code` of an error body, when there is one. */
export function errorCode(exchange: Exchange): string | undefined {
  const code = asObject(exchange.response?.json)?.['code'];
  return typeof code === 'string' ? code : undefined;
}

/** Why the answer is not one of the expected ones, or undefined when it is. */
export function answerMismatch(exchange: Exchange, expected: ExpectedAnswer): string | undefined {
  const response = exchange.response;
  const wanted = `${expected.statuses.join(' or ')} ${expected.codes.join(' or ')}`;
  if (response === undefined) return `expected ${wanted}, got no response (${exchange.transportError?.kind ?? 'other'}: ${exchange.transportError?.message ?? ''})`;
  const code = errorCode(exchange);
  if (expected.statuses.includes(response.status) && code !== undefined && expected.codes.includes(code)) return undefined;
  const got = code === undefined ? `${response.status} with body ${show(response.json ?? response.body.toString('utf8'))}` : `${response.status} ${code}`;
  return `expected ${wanted}, got ${got}`;
}
