import { Verifier } from '@pact-foundation/pact';
import { brokerVerifierOptions, type BrokerConfig } from './brokerOptions';
import { contractStateHandlers } from './contractStateHandlers';
import { PACT_FILE, PROVIDER, pactLogLevel } from './contractPact';
import { defaultPlan, type ReplayPlan } from './replayPlan';
import type { ReplayTarget } from './replayTarget';
import { resigningRequestFilter } from './resigningRequestFilter';
import { verifiablePact, type ExcludedInteraction } from './verifiablePact';

/** A verification job: plain JSON, so it can be handed to a child process. */
export interface VerifyContractOptions {
  /** Default: the committed pact written by the consumer tests. */
  pactFile?: string;
  /** Fetch pacts from the broker and publish the result (bundled mock only; see README). */
  broker?: BrokerConfig;
}

export interface ContractVerification {
  /** The verifier's report; rejects (see verifyContract) when any interaction fails. */
  output: string;
  /** Interactions this target cannot be put in the state of (a foreign target): not verified. */
  excluded: ExcludedInteraction[];
}

/**
 * Replays the pact against a target through pact-js's Verifier, in this process: states set by
 * contractStateHandlers, requests re-signed by resigningRequestFilter. Rejects when verification fails.
 * The verifier's native core prints its report to this process's stdout (see verifyContract).
 */
export async function verifyInProcess(target: ReplayTarget, options: VerifyContractOptions = {}): Promise<ContractVerification> {
  const { file, excluded } = verifiablePact(options.pactFile ?? PACT_FILE, target.controlUrl !== undefined);
  if (options.broker !== undefined && target.controlUrl === undefined) {
    throw new Error('verification results are published for the bundled mock only: a foreign target verifies part of the pact');
  }
  let plan: ReplayPlan = defaultPlan();
  const source = options.broker === undefined ? { pactUrls: [file] } : brokerVerifierOptions(options.broker);
  const verifier = new Verifier({
    provider: PROVIDER,
    providerBaseUrl: target.baseUrl,
    ...source,
    stateHandlers: contractStateHandlers(target, (next) => { plan = next; }),
    requestFilter: resigningRequestFilter(target, () => plan, () => { plan = defaultPlan(); }),
    logLevel: pactLogLevel(),
    failIfNoPactsFound: true,
  });
  const output = await verifier.verifyProvider();
  return { output, excluded };
}
