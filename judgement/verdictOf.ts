import { rule } from '../specification';
import { isBroken, type BrokenFinding, type Finding } from './finding';
import { worseVerdict, type FailureVerdict, type JudgedVerdict } from './verdict';

/**
 * A target's kind: the bundled reference (mock or reference receiver: DECISION rules asserted) or any
 * other implementation (DECISION rules informational). A caller or a merchant's pact is always foreign.
 */
export type TargetKind = 'mock' | 'foreign';

/** Who is judged, as the verdict needs it: its kind and the SIBLING rules its profile downgraded. */
export interface JudgedParty {
  targetKind: TargetKind;
  downgraded: readonly string[];
}

/** A caller (the caller's audit) or a merchant's pact: a foreign party, with nothing downgraded. */
export const FOREIGN_PARTY: JudgedParty = { targetKind: 'foreign', downgraded: [] };

/**
 * The one verdict function of every audit. A rule that held passed; an inconclusive finding is informational;
 * a broken one counts by its basis:
 * SEED always fails; SIBLING fails unless the profile downgraded its rule id (then warns); DECISION
 * fails only on the bundled reference and is informational elsewhere.
 */
export function verdictOf(finding: BrokenFinding, judged: JudgedParty): FailureVerdict;
export function verdictOf(finding: Finding, judged: JudgedParty): JudgedVerdict;
export function verdictOf(finding: Finding, judged: JudgedParty): JudgedVerdict {
  if (!isBroken(finding)) return 'passed';
  if (finding.inconclusive === true) return 'informational';
  switch (finding.basis ?? rule(finding.ruleId).basis) {
    case 'SEED':
      return 'failed';
    case 'SIBLING':
      return judged.downgraded.includes(finding.ruleId) ? 'warning' : 'failed';
    case 'DECISION':
      return judged.targetKind === 'mock' ? 'failed' : 'informational';
  }
}

/** The worst verdict of a rule's findings (passed when none broke it). */
export const worstVerdict = (findings: readonly Finding[], judged: JudgedParty): JudgedVerdict =>
  findings.map((f) => verdictOf(f, judged)).reduce(worseVerdict, 'passed');
