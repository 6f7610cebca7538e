import { acceptsJson, headerValue, isJsonContentType } from '../apiv3';
import { bindingViolations, checkBusinessRules, rule, validateRequestBody, type Violation } from '../specification';
import type { TappedRequest } from '../mock';
import { findingOf, type Finding } from '../judgement';
import type { CallerProfile, JudgedRequest } from './clientTypes';
import { signatureFindings } from './judgeSignature';

export type { CallerProfile, JudgedRequest } from './clientTypes';

function headerFindings(req: TappedRequest, caller: CallerProfile): Finding[] {
  const accept = headerValue(req.headers, 'accept');
  const contentType = headerValue(req.headers, 'content-type');
  const userAgent = headerValue(req.headers, 'user-agent');
  const serial = headerValue(req.headers, 'wechatpay-serial');
  const serialProblem =
    serial === undefined
      ? caller.keyMode === 'public-key'
        ? 'no Wechatpay-Serial header in public-key mode'
        : undefined
      : caller.platformSerials.includes(serial)
        ? undefined
        : `Wechatpay-Serial ${serial} names no platform key the caller was given (${caller.platformSerials.join(', ')})`;
  return [
    findingOf(
      'CLIENT-ACCEPT',
      accept === undefined
        ? 'no Accept header'
        : acceptsJson(accept)
          ? undefined
          : `Accept ${JSON.stringify(accept)} does not admit application/json`,
    ),
    findingOf(
      'CLIENT-CONTENT-TYPE',
      contentType === undefined
        ? 'no Content-Type header'
        : isJsonContentType(contentType)
          ? undefined
          : `Content-Type ${JSON.stringify(contentType)} is not application/json`,
    ),
    findingOf('CLIENT-USER-AGENT', userAgent?.trim() ? undefined : 'no User-Agent header'),
    findingOf('CLIENT-WECHATPAY-SERIAL', serialProblem),
  ];
}

const described = (v: Violation): string => `${v.ruleId} at ${v.pointer || '/'}: ${v.message}`;

/** The body under every rule of §2, the business rules and the caller's own bindings. */
function bodyFinding(req: TappedRequest, caller: CallerProfile): { finding: Finding; body?: unknown } {
  let body: unknown;
  try {
    body = JSON.parse(req.body.toString('utf8'));
  } catch {
    return { finding: findingOf('CLIENT-BODY-VALID', 'the body is not JSON') };
  }
  const schema = validateRequestBody(body);
  const violations =
    schema.length > 0
      ? schema
      : [
          ...checkBusinessRules(body, { now: req.receivedAt, riskFundCap: caller.riskFundCap }),
          ...bindingViolations(body as Record<string, unknown>, caller.identities),
        ];
  if (violations.length === 0) return { finding: { ruleId: 'CLIENT-BODY-VALID' }, body };
  const binding = violations.filter((v) => rule(v.ruleId).basis !== 'DECISION');
  const seen = (binding.length > 0 ? binding : violations).map(described).join('; ');
  return {
    // Broken only by DECISION rules: it counts at their basis, informational for any caller.
    finding: { ruleId: 'CLIENT-BODY-VALID', seen, ...(binding.length === 0 ? { basis: 'DECISION' as const } : {}) },
    body,
  };
}

/** Every request-side client rule on one request, as the caller sent it. */
export function judgeRequest(req: TappedRequest, caller: CallerProfile): JudgedRequest {
  const signed = signatureFindings(req, caller);
  const { finding, body } = bodyFinding(req, caller);
  return {
    findings: [...signed.findings, ...headerFindings(req, caller), finding],
    ...(signed.params === undefined ? {} : { params: signed.params }),
    ...(body === undefined ? {} : { body }),
  };
}
