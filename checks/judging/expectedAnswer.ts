import type { Exchange } from '../../client';
import { rule, type Basis } from '../../specification';
import { HarnessError } from '../harnessError';
import type { TargetKind } from '../../judgement';
import { weakerBasis } from './basis';
import { asObject, show } from './json';

/** The answers a target may give to a request that breaks exactly `ruleId`. */
export interface ExpectedAnswer {
  statuses: number[];
  codes: string[];
  /** How a refusal with another 4xx answer counts (the refusal itself counts at the rule's basis). */
  basis: Basis;
}

/**
 * The bundled mock owes rule(ruleId).expect exactly; any other target owes rule(ruleId).foreign
 * (openapi.yaml), or `expect` at the rule's basis where the sources fix the answer.
 */
export function expectedAnswer(ruleId: string, targetKind: TargetKind): ExpectedAnswer {
  const { expect, foreign, basis } = rule(ruleId);
  if (expect === undefined)
    throw new HarnessError(
      ruleId,
      `rule ${ruleId} has no expected answer in openapi.yaml, so no case may expect its rejection`,
    );
  if (targetKind === 'mock' || foreign === undefined) return { statuses: [expect.status], codes: expect.codes, basis };
  return { statuses: foreign.statuses, codes: foreign.codes, basis: weakerBasis(basis, foreign.basis) };
}

/** The `code` of an error body, when there is one. */
export function errorCode(exchange: Exchange): string | undefined {
  const code = asObject(exchange.response?.json)?.['code'];
  return typeof code === 'string' ? code : undefined;
}

/** Why the answer is not one of the expected ones, or undefined when it is. */
export function answerMismatch(
  exchange: Exchange,
  expected: Pick<ExpectedAnswer, 'statuses' | 'codes'>,
): string | undefined {
  const response = exchange.response;
  const wanted = `${expected.statuses.join(' or ')} ${expected.codes.join(' or ')}`;
  if (response === undefined)
    return `expected ${wanted}, got no response (${exchange.transportError?.kind ?? 'other'}: ${exchange.transportError?.message ?? ''})`;
  const code = errorCode(exchange);
  if (expected.statuses.includes(response.status) && code !== undefined && expected.codes.includes(code))
    return undefined;
  const got =
    code === undefined
      ? `${response.status} with body ${show(response.json ?? response.body.toString('utf8'))}`
      : `${response.status} ${code}`;
  return `expected ${wanted}, got ${got}`;
}
