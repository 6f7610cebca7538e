import type { IncomingHttpHeaders } from 'node:http';
import {
  diagnoseRequestSignature,
  formatAuthorization,
  parseAuthorization,
  verifyRequestSignatureAsync,
  type AuthorizationParams,
  type SignatureVerification,
} from '../../apiv3';
import type { MockContext } from '../context';
import { errorAnswer, ruleAnswer, type Answer } from './answer';

export interface SignedInput {
  method: string;
  pathWithQuery: string;
  authorization: string | undefined;
  body: Buffer;
  /** The Host header: the signature diagnosis tries it as a signed URL prefix. */
  host?: string;
}

/** What authentication reads of a request as received (the create endpoint, the certificate download). */
export function signedInputOf(req: {
  method: string;
  pathWithQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}): SignedInput {
  return {
    method: req.method,
    pathWithQuery: req.pathWithQuery,
    authorization: req.headers['authorization'],
    body: req.body,
    ...(req.headers.host === undefined ? {} : { host: req.headers.host }),
  };
}

type Authenticated = { ok: true; params: AuthorizationParams } | { ok: false; answer: Answer };

/** Which rule each way of failing breaks (all 401 SIGN_ERROR). */
const RULE_OF_FAILURE = {
  missing: 'AUTH-REQUIRED',
  scheme: 'AUTH-SCHEME',
  malformed: 'AUTH-SCHEME',
  'unknown-mchid': 'AUTH-MCHID',
  'unknown-serial': 'AUTH-SERIAL',
  stale: 'AUTH-TIMESTAMP-WINDOW',
  probe: 'AUTH-SIGNATURE',
  'bad-signature': 'AUTH-SIGNATURE',
} as const;

/** The bytes the signature is checked over: those received, or (a defect) the body re-serialised. */
function signedBytes(ctx: MockContext, body: Buffer): Buffer {
  if (ctx.behaviour.policy.signedBody === 'received') return body;
  try {
    return Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))), 'utf8');
  } catch {
    return body;
  }
}

/** Now, Unix seconds, as the window sees it: a past-only window (a defect) never finds a future timestamp off. */
function windowNow(ctx: MockContext, authorization: string | undefined): number {
  const now = Math.floor(ctx.wallClock() / 1000);
  if (ctx.behaviour.policy.timestampWindowSides === 'both') return now;
  const parsed = parseAuthorization(authorization);
  const claimed = parsed.ok ? Number(parsed.params.timestamp) : Number.NaN;
  return Number.isFinite(claimed) ? Math.max(now, claimed) : now;
}

// The RSA check runs on libuv's thread pool, off the event loop that parses and answers (bench/mock.bench.ts).
function verify(ctx: MockContext, input: SignedInput): Promise<SignatureVerification<AuthorizationParams>> {
  const { policy } = ctx.behaviour;
  return verifyRequestSignatureAsync({
    ...input,
    body: signedBytes(ctx, input.body),
    merchantKey: (mchid, serialNo) => {
      if (mchid !== ctx.config.mchid && policy.unknownMchid !== 'accept') return 'unknown-mchid';
      if (serialNo !== ctx.config.merchant.serialNo) return 'unknown-serial';
      return ctx.config.merchant.publicKey;
    },
    now: windowNow(ctx, input.authorization),
    ...(policy.timestampWindowSeconds === undefined ? {} : { windowSeconds: policy.timestampWindowSeconds }),
  });
}

function diagnose(ctx: MockContext, input: SignedInput) {
  return diagnoseRequestSignature(input, {
    mchid: ctx.config.mchid,
    serialNo: ctx.config.merchant.serialNo,
    publicKey: ctx.config.merchant.publicKey,
  });
}

/** The 401 (or, read so, 403) for a failed verification. */
function refusal(
  ctx: MockContext,
  verification: Extract<SignatureVerification<AuthorizationParams>, { ok: false }>,
): Answer {
  const reason = verification.reason;
  if (reason === 'unknown-mchid' && ctx.behaviour.policy.unknownMchid === 'forbid')
    return { ...errorAnswer('NO_AUTH', `${verification.detail} (AUTH-MCHID)`), ruleId: 'AUTH-MCHID' };
  return ruleAnswer(RULE_OF_FAILURE[reason], verification.detail);
}

/** Authorization (AUTH-*), then the nonce replay check; answers the params or the refusal. */
export async function authenticate(ctx: MockContext, input: SignedInput): Promise<Authenticated> {
  const { policy, memory } = ctx.behaviour;
  if (
    policy.verifiedHeaderCache &&
    input.authorization !== undefined &&
    memory.verifiedHeaders.has(input.authorization)
  ) {
    const cached = parseAuthorization(input.authorization);
    if (cached.ok) return { ok: true, params: cached.params };
  }
  if (policy.authorizationFormat === 'canonical-only') {
    const parsed = parseAuthorization(input.authorization);
    if (parsed.ok && formatAuthorization(parsed.params) !== input.authorization)
      return {
        ok: false,
        answer: ruleAnswer('AUTH-SCHEME', 'the Authorization parameters are not in the expected order'),
      };
  }
  const verification = await verify(ctx, input);
  const acceptedBadSignature =
    !verification.ok && verification.reason === 'bad-signature' && policy.badSignature === 'accept';
  if (!verification.ok && !acceptedBadSignature) {
    const answer = refusal(ctx, verification);
    // Advice for the developer, in the log, the console and the audits; the answer itself keeps WeChat's shape.
    const { logger, tap, console: live } = ctx.config;
    const diagnosis = logger === undefined && tap === undefined && live !== true ? undefined : diagnose(ctx, input);
    return { ok: false, answer: diagnosis === undefined ? answer : { ...answer, diagnosis } };
  }
  const params = verification.params;
  if (params === undefined) throw new Error('verifyRequestSignature accepted a request without its parameters');
  const replayed = ctx.nonces.seen(params.mchid, params.nonce_str, ctx.wallClock());
  if (replayed && policy.nonceReplay === 'refuse') {
    return {
      ok: false,
      answer: ruleAnswer(
        'AUTH-NONCE-REPLAY',
        `nonce_str ${params.nonce_str} was already used by mchid ${params.mchid}`,
      ),
    };
  }
  if (policy.verifiedHeaderCache && input.authorization !== undefined) memory.verifiedHeaders.add(input.authorization);
  return { ok: true, params };
}
