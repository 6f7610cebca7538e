import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { STATES_NEEDING_CONTROL } from './providerStates';

/** An interaction left out of a verification, and why. */
export interface ExcludedInteraction {
  description: string;
  state: string;
  reason: string;
}

interface PactInteraction { description: string; providerStates?: Array<{ name: string }> }

/**
 * The pact file to verify against a target. With control (the bundled mock) it is the file itself.
 * Without (a foreign target), interactions whose states need control are left out of a temporary
 * copy and returned as excluded, so a report names them as not verifiable instead of passing them.
 */
export function verifiablePact(pactFile: string, hasControl: boolean): { file: string; excluded: ExcludedInteraction[] } {
  if (hasControl) return { file: pactFile, excluded: [] };
  const pact = JSON.parse(readFileSync(pactFile, 'utf8')) as { interactions: PactInteraction[] } & Record<string, unknown>;
  const excluded: ExcludedInteraction[] = [];
  const kept = pact.interactions.filter((interaction) => {
    const state = interaction.providerStates?.find((s) => (STATES_NEEDING_CONTROL as readonly string[]).includes(s.name));
    if (state === undefined) return true;
    excluded.push({ description: interaction.description, state: state.name, reason: 'needs the mock control interface: not verifiable against a foreign target' });
    return false;
  });
  const file = join(mkdtempSync(join(tmpdir(), 'payscore-pact-foreign-')), basename(pactFile));
  writeFileSync(file, JSON.stringify({ ...pact, interactions: kept }, null, 2));
  return { file, excluded };
}
