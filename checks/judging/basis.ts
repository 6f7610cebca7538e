import type { Basis } from '../../specification';

const STRENGTH: Record<Basis, number> = { DECISION: 0, SIBLING: 1, SEED: 2 };

/** The weaker of two bases: a verdict is never firmer than the weakest source it rests on. */
export function weakerBasis(a: Basis, b: Basis): Basis {
  return STRENGTH[a] <= STRENGTH[b] ? a : b;
}
