import type { PactInteraction } from './pactFile';
import { stateNames } from './pactFile';

/** The two stages of `pact verify`: the pact against openapi.yaml, then against the mock as provider. */
export const PACT_STAGES = ['openapi', 'mock'] as const;
export type PactStage = (typeof PACT_STAGES)[number];

/** One thing that differed: where (a JSON path such as `$.order_id`, `status`, `header Content-Type`) and how. */
export interface Difference {
  field: string;
  message: string;
}

/** One interaction judged by one stage. */
export interface InteractionResult {
  stage: PactStage;
  description: string;
  states: string[];
  passed: boolean;
  differences: Difference[];
  /** Warnings that do not fail the interaction. */
  notes: string[];
}

export function interactionResult(stage: PactStage, interaction: PactInteraction): InteractionResult {
  return {
    stage,
    description: interaction.description,
    states: stateNames(interaction),
    passed: true,
    differences: [],
    notes: [],
  };
}

/** `"description" (given state)`: how a message names an interaction. */
export function interactionName(result: Pick<InteractionResult, 'description' | 'states'>): string {
  const given = result.states.length === 0 ? '' : ` (given ${result.states.map((s) => `"${s}"`).join(' and ')})`;
  return `"${result.description}"${given}`;
}

/** One line per difference: the interaction, the stage, the field and what differed. */
export function failureLines(result: InteractionResult): string[] {
  return result.differences.map((d) => `${interactionName(result)} [${result.stage}] ${d.field}: ${d.message}`);
}
