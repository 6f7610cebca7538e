import { Verifier } from '@pact-foundation/pact';
import { controlClient, createMockWithFreshKeys, generateKeyMaterial, PROFILE_DEFAULTS } from '../mock';
import { loggingAnswers, type MockAnswer } from './answerLog';
import { serveInChild } from './childProcess';
import { pactLogLevel } from './pactLogLevel';
import type { PactDocument } from './pactFile';
import { pactTenant } from './pactTenant';
import { providerFromMock } from './provider';
import { replaySession } from './replaySession';
import { resigningRequestFilter } from './resign';
import { providerStateHandlers, type StateHandler } from './stateHandlers';

/** A mock-stage job: plain JSON, handed to the child process. */
export interface FreshProviderJob {
  /** A pact file holding only the interactions on this endpoint. */
  pactFile: string;
  pact: PactDocument;
  provider: string;
  /** State names the pact uses that are not ours: handled as a clean store. */
  otherStates: string[];
}

/** What the verifier answered: its JSON report (pact_verifier's), or why it gave none. */
export type FreshProviderOutcome =
  { report: string; stateFailures: StateFailure[]; answers: MockAnswer[] } | { problem: string };

/** A provider state whose set-up threw: Pact goes on with the request, so the report says why it failed. */
export interface StateFailure {
  state: string;
  params: unknown;
  message: string;
}

/** The handlers, each recording the error it throws (then throwing it on, so Pact sees the failure too). */
function recording(handlers: Record<string, StateHandler>, failures: StateFailure[]): Record<string, StateHandler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([state, handle]) => [
      state,
      async (params?: unknown) => {
        try {
          return await handle(params);
        } catch (error) {
          failures.push({ state, params: params ?? {}, message: (error as Error).message });
          throw error;
        }
      },
    ]),
  );
}

/**
 * Stage `mock`, in the child: a fresh mock (new keys, empty store, control on, 127.0.0.1 on a free
 * port) made with the pact's own tenant, the pact replayed against it by pact-js's Verifier with the
 * provider states of PROVIDER_STATES and every request re-signed with the mock's merchant key.
 * A request no state prepared meets a reset store, so interactions cannot disturb each other.
 */
export async function verifyOnFreshProvider(job: FreshProviderJob): Promise<FreshProviderOutcome> {
  const tenant = pactTenant(job.pact);
  const generated = generateKeyMaterial();
  const material = {
    ...generated,
    mchid: tenant.mchid ?? generated.mchid,
    identities: { ...generated.identities, ...tenant.identities },
  };
  // Never below the mock's own default cap; higher when the pact's successful orders imply it.
  const riskFundCap = Math.max(PROFILE_DEFAULTS.riskFundCap, tenant.riskFundCap ?? 0);
  const fresh = createMockWithFreshKeys({ control: true, material, riskFundCap });
  await fresh.listen(0);
  try {
    const provider = providerFromMock(fresh);
    const control = controlClient(provider.controlUrl ?? '');
    const session = replaySession();
    const stateFailures: StateFailure[] = [];
    const answers: MockAnswer[] = [];
    const verifier = new Verifier({
      provider: job.provider,
      providerBaseUrl: provider.baseUrl,
      pactUrls: [job.pactFile],
      stateHandlers: recording(providerStateHandlers(provider, session, job.otherStates), stateFailures),
      requestFilter: loggingAnswers(
        resigningRequestFilter(provider, session, { rewriteIds: false, resetUnprepared: () => control('reset', {}) }),
        answers,
      ),
      logLevel: pactLogLevel(),
    });
    // pact-core resolves with its JSON report, and rejects with it (as the message) when an interaction fails.
    const report = await verifier.verifyProvider().catch((error: unknown) => (error as Error).message);
    return report.trimStart().startsWith('{') ? { report, stateFailures, answers } : { problem: report };
  } finally {
    await fresh.server.stop();
  }
}

if (require.main === module) serveInChild(verifyOnFreshProvider);
