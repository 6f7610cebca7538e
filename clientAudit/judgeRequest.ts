import type { KeyObject } from 'node:crypto';
import {
  acceptsJson,
  headerValue,
  isJsonContentType,
  verifyRequestSignature,
  TIMESTAMP_WINDOW_SECONDS,
} from '../apiv3';
import type { AuthorizationParams } from '../apiv3';
import {
  bindingViolations,
  checkBusinessRules,
  rule,
  validateRequestBody,
  type BoundIdentities,
  type Violation,
} from '../spec';
import type { TappedRequest } from '../mock';

/** One client rule judged on one request or run: passed when `problem` is absent. */
export interface ClientFinding {
  ruleId: string;
  problem?: string;
  /** The problem breaks only DECISION rules: informational for any caller. */
  informational?: true;
}

/** What the audit knows of the caller it judges: the mock's profile, as the caller was given it. */
export interface CallerProfile {
  mchid: string;
  merchantSerial: string;
  merchantPublicKey: KeyObject;
  keyMode: 'public-key' | 'certificate';
  /** The platform serials (public key id or certificate serials) the caller was given. */
  platformSerials: readonly string[];
  identities: BoundIdentities;
  riskFundCap: number;
}

/** The parsed Authorization, when it parses: the session judges nonce reuse from it. */
export interface JudgedRequest {
  findings: ClientFinding[];
  params?: AuthorizationParams;
  body?: unknown;
}

/** The parameters of an Authorization header the strict parser refuses, when all five are there. */
function looseParams(authorization: string | undefined): AuthorizationParams | undefined {
  const pick = (name: string): string | undefined =>
    new RegExp(`(?:^|[ ,])${name}="([^"]*)"`).exec(authorization ?? '')?.[1];
  const [mchid, nonce, timestamp, serial, signature] = [
    'mchid',
    'nonce_str',
    'timestamp',
    'serial_no',
    'signature',
  ].map(pick);
  if ([mchid, nonce, timestamp, serial, signature].includes(undefined)) return undefined;
  return {
    mchid: mchid ?? '',
    nonce_str: nonce ?? '',
    timestamp: timestamp ?? '',
    serial_no: serial ?? '',
    signature: signature ?? '',
  };
}

const problemIf = (ruleId: string, problem: string | undefined): ClientFinding =>
  problem === undefined ? { ruleId } : { ruleId, problem };

function signatureFindings(req: TappedRequest, caller: CallerProfile): JudgedRequest {
  const authorization = headerValue(req.headers, 'authorization');
  // Judge the signature alone: mchid, serial and timestamp are rules of their own.
  const verdict = verifyRequestSignature({
    method: req.method,
    pathWithQuery: req.url,
    body: req.body,
    authorization,
    merchantKey: () => caller.merchantPublicKey,
    now: 0,
    windowSeconds: Number.MAX_SAFE_INTEGER,
  });
  const signature = problemIf('CLIENT-SIGNATURE', verdict.ok ? undefined : verdict.detail);
  // A header the parser refuses (a millisecond timestamp) still names its parameters: judge each on its own.
  const params = verdict.params ?? looseParams(authorization);
  if (params === undefined) return { findings: [signature] };
  const seconds = Number(params.timestamp);
  const skew = Math.abs(Math.floor(req.receivedAt / 1000) - seconds);
  return {
    params,
    findings: [
      signature,
      problemIf(
        'CLIENT-MCHID',
        params.mchid === caller.mchid ? undefined : `mchid ${params.mchid} is not the caller's ${caller.mchid}`,
      ),
      problemIf(
        'CLIENT-SERIAL',
        params.serial_no === caller.merchantSerial
          ? undefined
          : `serial_no ${params.serial_no} is not the merchant key's ${caller.merchantSerial}`,
      ),
      problemIf(
        'CLIENT-TIMESTAMP',
        /^\d+$/.test(params.timestamp) && skew <= TIMESTAMP_WINDOW_SECONDS
          ? undefined
          : `timestamp ${params.timestamp} is ${Number.isFinite(skew) ? `${skew} s` : 'far'} away from the clock (Unix seconds expected, within ${TIMESTAMP_WINDOW_SECONDS} s)`,
      ),
    ],
  };
}

function headerFindings(req: TappedRequest, caller: CallerProfile): ClientFinding[] {
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
    problemIf(
      'CLIENT-ACCEPT',
      accept === undefined
        ? 'no Accept header'
        : acceptsJson(accept)
          ? undefined
          : `Accept ${JSON.stringify(accept)} does not admit application/json`,
    ),
    problemIf(
      'CLIENT-CONTENT-TYPE',
      contentType === undefined
        ? 'no Content-Type header'
        : isJsonContentType(contentType)
          ? undefined
          : `Content-Type ${JSON.stringify(contentType)} is not application/json`,
    ),
    problemIf('CLIENT-USER-AGENT', userAgent?.trim() ? undefined : 'no User-Agent header'),
    problemIf('CLIENT-WECHATPAY-SERIAL', serialProblem),
  ];
}

const described = (v: Violation): string => `${v.ruleId} at ${v.pointer || '/'}: ${v.message}`;

/** The body under every rule of §2, the business rules and the caller's own bindings. */
function bodyFinding(req: TappedRequest, caller: CallerProfile): { finding: ClientFinding; body?: unknown } {
  let body: unknown;
  try {
    body = JSON.parse(req.body.toString('utf8'));
  } catch {
    return { finding: { ruleId: 'CLIENT-BODY-VALID', problem: 'the body is not JSON' } };
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
  const problem = (binding.length > 0 ? binding : violations).map(described).join('; ');
  return {
    finding: {
      ruleId: 'CLIENT-BODY-VALID',
      problem,
      ...(binding.length === 0 ? { informational: true as const } : {}),
    },
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
