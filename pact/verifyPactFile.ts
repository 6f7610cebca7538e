import { compareWithOpenapi } from './compareWithOpenapi';
import type { InteractionResult } from './interactionResult';
import { verifyAgainstMock } from './mockStage';
import { loadPact, pactOfOurs, stateNames, type OtherInteraction } from './pactFile';
import { PROVIDER_STATES } from './providerStates';

/** What `pact verify` found in one pact file. */
export interface PactFileReport {
  file: string;
  consumer: string;
  provider: string;
  /** Interactions not on this endpoint: reported, not verified. */
  others: OtherInteraction[];
  /** Provider states the pact uses that are not PROVIDER_STATES: their interactions ran on an empty mock. */
  unknownStates: string[];
  /** One result per interaction per stage (openapi first, then mock). */
  results: InteractionResult[];
  passed: boolean;
}

const OURS: readonly string[] = Object.values(PROVIDER_STATES);

/**
 * Verifies one pact file in both stages. Throws PactInputError when the file cannot be verified
 * (missing, not a pact, nothing on this endpoint) and MockStageProblem when the verifier cannot run.
 */
export async function verifyPactFile(file: string, progress: (line: string) => void): Promise<PactFileReport> {
  const loaded = loadPact(file);
  const pact = pactOfOurs(loaded);
  const unknownStates = [...new Set(loaded.ours.flatMap(stateNames))].filter((s) => !OURS.includes(s));
  progress(`${file}: ${loaded.ours.length} interaction(s) of ${loaded.consumer}; stage openapi (openapi.yaml)`);
  const openapi = await compareWithOpenapi(pact);
  progress(`${file}: stage mock (a fresh mock as provider)`);
  const mock = await verifyAgainstMock(pact, loaded.provider, unknownStates);
  for (const result of mock)
    for (const state of result.states.filter((s) => unknownStates.includes(s)))
      result.notes.push(`provider state "${state}" is not one the sandbox knows: the interaction ran on an empty mock`);
  const results = [...openapi, ...mock];
  return {
    file,
    consumer: loaded.consumer,
    provider: loaded.provider,
    others: loaded.others,
    unknownStates,
    results,
    passed: results.every((r) => r.passed),
  };
}
