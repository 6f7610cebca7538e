import { verifyRequestSignatureAsync, type AuthorizationParams, type Verdict } from '../../apiv3';
import type { MockContext } from '../context';
import { ruleAnswer, type Answer } from './answer';

export interface SignedInput {
  method: string;
  pathWithQuery: string;
  authorization: string | undefined;
  body: Buffer;
}

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

// The RSA check runs on libuv's thread pool, off the event loop that parses and answers (bench/mock.bench.ts).
function verify(ctx: MockContext, input: SignedInput, windowSeconds?: number): Promise<Verdict<AuthorizationParams>> {
  return verifyRequestSignatureAsync({
    ...input,
    merchantKey: (mchid, serialNo) => {
      if (mchid !== ctx.config.mchid) return 'unknown-mchid';
      if (serialNo !== ctx.config.merchant.serialNo) return 'unknown-serial';
      return ctx.config.merchant.publicKey;
    },
    now: Math.floor(ctx.wallClock() / 1000),
    ...(windowSeconds === undefined ? {} : { windowSeconds }),
  });
}

/** Authorization (AUTH-*), then the nonce replay check; answers the params or the 401. */
export async function authenticate(ctx: MockContext, input: SignedInput): Promise<{ ok: true; params: AuthorizationParams } | { ok: false; answer: Answer }> {
  let verdict = await verify(ctx, input);
  if (!verdict.ok && verdict.reason === 'stale' && ctx.faults.has('accept-stale-timestamp')) verdict = await verify(ctx, input, Number.MAX_SAFE_INTEGER);
  const acceptedBadSignature = !verdict.ok && verdict.reason === 'bad-signature' && ctx.faults.has('skip-signature-check');
  if (!verdict.ok && !acceptedBadSignature) return { ok: false, answer: ruleAnswer(RULE_OF_FAILURE[verdict.reason], verdict.detail) };
  const params = verdict.params;
  if (params === undefined) throw new Error('verifyRequestSignature accepted a request without its parameters');
  const replayed = ctx.nonces.seen(params.mchid, params.nonce_str, ctx.wallClock());
  if (replayed && !ctx.faults.has('accept-replayed-nonce')) {
    return { ok: false, answer: ruleAnswer('AUTH-NONCE-REPLAY', `nonce_str ${params.nonce_str} was already used by mchid ${params.mchid}`) };
  }
  return { ok: true, params };
}
