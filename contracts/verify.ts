import { createToolError } from '../toolErrors';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import {
  providerStateHandlers,
  replaySession,
  resigningRequestFilter,
  runInChild,
  serveInChild,
  STATES_NEEDING_CONTROL,
  pactLogLevel,
  type Provider,
} from '../pact';
import { PACT_FILE, PROVIDER } from './contract';
import { brokerVerifierOptions, type BrokerConfig } from './publish';

/** A verification job: plain JSON, so it can be handed to a child process. */
export interface VerifyContractOptions {
  /** Default: the committed pact written by the consumer tests. */
  pactFile?: string;
  /** Fetch pacts from the broker and publish the result (bundled mock only; see README). */
  broker?: BrokerConfig;
}

/** An interaction left out of a verification, and why. */
export interface ExcludedInteraction {
  description: string;
  state: string;
  reason: string;
}

export interface ContractVerification {
  /** The verifier's report; rejects (see verifyContract) when any interaction fails. */
  output: string;
  /** Interactions this target cannot be put in the state of (a foreign target): not verified. */
  excluded: ExcludedInteraction[];
}

/** Thrown when a verification fails: the verifier's report is kept for the failure message. */
export class VerificationFailed extends createToolError('PSC_CONTRACT_VERIFICATION') {
  constructor(
    message: string,
    readonly report: string,
  ) {
    super(message, report);
  }
}

/**
 * The pact file to verify. With control (the bundled mock) it is the file itself. Without (a
 * foreign target), interactions whose states need control are left out of a temporary copy and
 * returned as excluded, so a report names them as not verified instead of passing them.
 */
function verifiablePact(pactFile: string, hasControl: boolean): { file: string; excluded: ExcludedInteraction[] } {
  if (hasControl) return { file: pactFile, excluded: [] };
  const pact = JSON.parse(readFileSync(pactFile, 'utf8')) as {
    interactions: Array<{ description: string; providerStates?: Array<{ name: string }> }>;
  };
  const excluded: ExcludedInteraction[] = [];
  const kept = pact.interactions.filter((interaction) => {
    const state = interaction.providerStates?.find((s) =>
      (STATES_NEEDING_CONTROL as readonly string[]).includes(s.name),
    );
    if (state !== undefined)
      excluded.push({
        description: interaction.description,
        state: state.name,
        reason: 'needs the mock control interface: not verifiable against a foreign target',
      });
    return state === undefined;
  });
  const file = join(mkdtempSync(join(tmpdir(), 'payscore-pact-foreign-')), basename(pactFile));
  writeFileSync(file, JSON.stringify({ ...pact, interactions: kept }, null, 2));
  return { file, excluded };
}

/**
 * Replays the pact against a target through pact-js's Verifier, in this process, and rejects when
 * verification fails. The state handlers and the re-signing request filter are the product's
 * (pact/): on a foreign target the states that need an existing order are left out (verifiablePact).
 * The native core prints its report to this process's stdout (see verifyContract).
 */
export async function verifyInProcess(
  provider: Provider,
  options: VerifyContractOptions = {},
): Promise<ContractVerification> {
  const { file, excluded } = verifiablePact(options.pactFile ?? PACT_FILE, provider.controlUrl !== undefined);
  if (options.broker !== undefined && provider.controlUrl === undefined) {
    throw new Error(
      'verification results are published for the bundled mock only: a foreign target verifies part of the pact',
    );
  }
  const session = replaySession();
  const verifier = new Verifier({
    provider: PROVIDER,
    providerBaseUrl: provider.baseUrl,
    ...(options.broker === undefined ? { pactUrls: [file] } : brokerVerifierOptions(options.broker)),
    stateHandlers: providerStateHandlers(provider, session),
    requestFilter: resigningRequestFilter(provider, session, { rewriteIds: true }),
    logLevel: pactLogLevel(),
    failIfNoPactsFound: true,
  });
  const output = await verifier.verifyProvider();
  return { output, excluded };
}

/**
 * Verifies the pact against the target and rejects when it fails. Pact's native verifier prints its
 * whole report to the process's stdout, which no option turns off; so unless PAYSCORE_PACT_VERBOSE=1
 * the verification runs in a child process (this file) whose stdout is captured and shown only on failure.
 */
export async function verifyContract(
  provider: Provider,
  options: VerifyContractOptions = {},
): Promise<ContractVerification> {
  if (process.env['PAYSCORE_PACT_VERBOSE'] === '1') return verifyInProcess(provider, options);
  const outcome = await runInChild<ContractVerification>(__filename, { provider, options });
  if (outcome.ok) return outcome.result;
  throw new VerificationFailed(outcome.message, outcome.output);
}

// As the child of verifyContract: verifies the job it reads; its stdout is the verifier's own report.
if (require.main === module)
  serveInChild((job: { provider: Provider; options: VerifyContractOptions }) =>
    verifyInProcess(job.provider, job.options),
  );
