import type { SignatureDiagnosis } from '../../apiv3';
import { resolvePointer, rule, specDocument, statusOfCode, type Violation } from '../../specification';

/** What a handler decides; sendAnswer turns it into signed bytes. */
export interface Answer {
  status: number;
  /** The JSON body, or `raw` for a stored answer replayed byte for byte. */
  body?: unknown;
  raw?: string;
  /** The error code, for the log line. */
  code?: string;
  /** The rule the answer refuses the request under, for the answer-shaping and signing seams. */
  ruleId?: string;
  headers?: Record<string, string>;
  /** Why a signature failed, when a known mistake explains it: for the log and the audits, never sent. */
  diagnosis?: SignatureDiagnosis;
}

/** An error answer; the status is the catalogue's for the code (x-error-codes) unless given. */
export function errorAnswer(
  code: string,
  message: string,
  detail?: Record<string, unknown>,
  status = statusOfCode(code),
): Answer {
  const body: Record<string, unknown> = { code, message };
  if (detail !== undefined) body['detail'] = detail;
  return { status, body, code };
}

/** The code of a field violation: the TYPE-* family's, which every field rule shares. */
const fieldRuleCode = (): string | undefined => specDocument()['x-rule-families'][0]?.expect?.codes[0];

/**
 * The code a rule is answered with: rule(id).expect.codes[0], never a hand-written mapping. A rule
 * with no expected answer is one the mock accepts; a reading that refuses it answers as for a field.
 */
export function codeOfRule(ruleId: string): string {
  const code = rule(ruleId).expect?.codes[0] ?? fieldRuleCode();
  if (code === undefined) throw new Error(`rule ${ruleId} has no expected code in openapi.yaml`);
  return code;
}

/** The error answer for the rule a request breaks. */
export function ruleAnswer(ruleId: string, message: string): Answer {
  return { ...errorAnswer(codeOfRule(ruleId), `${message} (${ruleId})`), ruleId };
}

/** The error answer for a body violation, with detail {field, value, issue, location} (ERR-DETAIL-FIELD). */
export function violationAnswer(v: Violation, body: unknown): Answer {
  const value = v.pointer === '' ? body : resolvePointer(body, v.pointer);
  const detail: Record<string, unknown> = { field: v.pointer, issue: v.message, location: 'body' };
  if (value !== undefined) detail['value'] = value;
  return { ...errorAnswer(codeOfRule(v.ruleId), `${v.message} (${v.ruleId})`, detail), ruleId: v.ruleId };
}
