import { createClient, loadProfile, type Exchange, type RawRequest } from '../client';
import { renderFailure, runChecks, type CheckFailure } from '../checks';
import { verdictOf, type FailureVerdict } from '../judgement';
import { CaseFileError, DEFAULT_TIMEOUT_MS, ENV, readCaseFile, type CaseFile } from './harness';

export interface ReplayOptions {
  /** The target profile; default PAYSCORE_PROFILE, else the profile the case was recorded with. */
  profilePath?: string;
  timeoutMs?: number;
  /** Now, ms, for the fresh signature and the checks; default Date.now. */
  clock?: () => number;
}

export interface ReplayResult {
  caseFile: CaseFile;
  profilePath: string;
  exchange: Exchange;
  /** Every failure the checks found in the new exchange, with how it counts against this target. */
  failures: Array<{ failure: CheckFailure; verdict: FailureVerdict; text: string }>;
  /** Whether the case's own rule broke again. */
  reproduced: boolean;
}

// The client sends these unless told otherwise: a case that went without one must go without it again.
const CLIENT_DEFAULT_HEADERS = ['Accept', 'Content-Type', 'Wechatpay-Serial', 'User-Agent', 'Content-Length'];

/** The recorded request as a RawRequest: the same bytes and headers, signed afresh when it was signed. */
function rawRequestOf(c: CaseFile, body: Buffer): RawRequest {
  const headers: Record<string, string | null> = { ...c.request.headers };
  const sent = new Set(Object.keys(headers).map((n) => n.toLowerCase()));
  for (const name of CLIENT_DEFAULT_HEADERS) if (!sent.has(name.toLowerCase())) headers[name] = null;
  return {
    method: c.request.method,
    path: c.request.path,
    body,
    headers,
    ...(c.request.signed ? {} : { sign: false as const }),
  };
}

/**
 * Re-sends a case file's request, signed now with the profile's key (a fresh timestamp and nonce),
 * and judges the answer with every check, as the run did.
 */
export async function replayCase(
  file: string,
  options: ReplayOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<ReplayResult> {
  const { caseFile, body } = readCaseFile(file);
  if (caseFile.request.resignable === false) {
    throw new CaseFileError(
      `${file}: the case breaks ${caseFile.ruleId} through its Authorization header, which a fresh signature would repair; reproduce it with the curl line and signed string of the failure text instead`,
    );
  }
  const profilePath = options.profilePath ?? (env[ENV.profile] || undefined) ?? caseFile.target.profilePath;
  const profile = loadProfile(profilePath, {});
  const kind = profile.referenceMock === true ? 'mock' : 'foreign';
  const clock = options.clock ?? Date.now;
  const client = createClient(profile, {
    timeoutMs: options.timeoutMs ?? profile.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    clock,
  });
  let exchange: Exchange;
  try {
    exchange = await client.send(rawRequestOf(caseFile, body));
  } finally {
    client.close();
  }
  const ctx = {
    ...caseFile.context,
    mchid: profile.mchid,
    targetKind: kind,
    now: clock(),
    ...(profile.riskFundCap === undefined ? {} : { riskFundCap: profile.riskFundCap }),
  } as const;
  const failures = runChecks(exchange, ctx)
    .flatMap((o) => o.failures)
    .map((failure) => ({
      failure,
      verdict: verdictOf(failure, { targetKind: kind, downgraded: profile.downgrade }),
      text: renderFailure(failure, {
        curl: exchange.curl,
        ...(exchange.request.signedMessage === undefined ? {} : { signedMessage: exchange.request.signedMessage }),
      }),
    }));
  return {
    caseFile,
    profilePath: profile.sourcePath ?? String(profilePath),
    exchange,
    failures,
    reproduced: failures.some((f) => f.failure.ruleId === caseFile.ruleId),
  };
}
