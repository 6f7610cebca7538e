import { readFileSync } from 'node:fs';
import { ENDPOINT_PATH } from '../specification';
import { createToolError } from '../toolErrors';

/** The part of a pact interaction (V2 to V4) a verification reads. */
export interface PactInteraction {
  description: string;
  type?: string;
  providerState?: string;
  providerStates?: Array<{ name: string; params?: Record<string, unknown> }>;
  request?: { method?: string; path?: string; headers?: Record<string, unknown>; body?: unknown };
  response?: { status?: number; body?: unknown };
}

export interface PactDocument {
  consumer?: { name?: string };
  provider?: { name?: string };
  interactions: PactInteraction[];
  [key: string]: unknown;
}

/** An interaction `pact verify` does not verify (another path, method or kind), reported as such. */
export interface OtherInteraction {
  description: string;
  reason: string;
}

/** A pact file read for `pact verify`: the interactions on this endpoint, and the others. */
export interface LoadedPact {
  file: string;
  consumer: string;
  provider: string;
  document: PactDocument;
  /** The interactions on POST ENDPOINT_PATH, in the file's order. */
  ours: PactInteraction[];
  others: OtherInteraction[];
}

/** A file that cannot be verified at all: missing, unreadable, not JSON, not a pact, nothing on this endpoint. */
export const PactInputError = createToolError('PSC_PACT_INPUT');
export type PactInputError = InstanceType<typeof PactInputError>;

/** The provider-state names of an interaction (V3/V4 `providerStates`, V2 `providerState`). */
export function stateNames(interaction: PactInteraction): string[] {
  if (Array.isArray(interaction.providerStates)) return interaction.providerStates.map((s) => s.name);
  return typeof interaction.providerState === 'string' ? [interaction.providerState] : [];
}

function otherReason(interaction: PactInteraction): string | undefined {
  if (interaction.type !== undefined && interaction.type !== 'Synchronous/HTTP')
    return `a ${interaction.type} interaction, not HTTP`;
  const method = String(interaction.request?.method ?? '').toUpperCase();
  const path = String(interaction.request?.path ?? '');
  if (method !== 'POST' || path !== ENDPOINT_PATH)
    return `${method || '(no method)'} ${path || '(no path)'} is not POST ${ENDPOINT_PATH}`;
  return undefined;
}

/** Reads and sorts a pact file; throws PactInputError naming the reason when it cannot be verified. */
export function loadPact(file: string): LoadedPact {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PactInputError(
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'a directory, not a file'
          : `unreadable (${String(code)})`,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new PactInputError(`not JSON (${(error as Error).message})`);
  }
  const interactions = (document as { interactions?: unknown } | null)?.interactions;
  if (typeof document !== 'object' || document === null || !Array.isArray(interactions))
    throw new PactInputError('not a pact (no "interactions" array)');
  const pact = document as PactDocument;
  const ours: PactInteraction[] = [];
  const others: OtherInteraction[] = [];
  for (const interaction of pact.interactions) {
    const reason = otherReason(interaction);
    if (reason === undefined) ours.push(interaction);
    else others.push({ description: String(interaction.description), reason });
  }
  if (ours.length === 0)
    throw new PactInputError(`not a pact of this endpoint: none of its interactions is POST ${ENDPOINT_PATH}`);
  return {
    file,
    consumer: pact.consumer?.name ?? '(unnamed consumer)',
    provider: pact.provider?.name ?? '(unnamed provider)',
    document: pact,
    ours,
    others,
  };
}

/** The pact with only the interactions on this endpoint: what both stages verify. */
export function pactOfOurs(loaded: LoadedPact): PactDocument {
  return { ...loaded.document, interactions: loaded.ours };
}
