// The one finding: every audit (server suites, receiver suite, caller's audit, pact verify) says what it
// judged in this shape, and verdictOf turns it into a verdict. Results as data, rendered once at the edge.
import type { Basis } from '../specification';

/** What an auditor needs beyond `seen` to understand or reproduce a finding. */
export interface Evidence {
  /** The exact string a signature should cover, when the finding is about a response signature. */
  signedString?: string;
  /**
   * On a foreign target: the rule the request was built to probe, when its basis is weaker than the
   * finding's rule's own and so caps it (`basis` is then the capped one).
   */
  cappedBy?: string;
}

/**
 * One rule judged once (on one exchange, request, run, delivery or interaction). `seen` says what broke
 * it; without `seen` the rule held there (the receiver suite and the caller's audit record both).
 */
export interface Finding {
  ruleId: string;
  /** What was seen that breaks the rule; absent: the rule held. */
  seen?: string;
  /** Where it was seen: a JSON Pointer into a body, a request's place in a session, a delivery. */
  where?: string;
  /** The basis the finding counts at when it is not its rule's own (a cap, or a DECISION-only part of a rule). */
  basis?: Basis;
  /**
   * Nothing firm can be concluded from what was seen (the caller gave up before it was judged, a written
   * exception): it counts as informational whatever its rule's basis.
   */
  inconclusive?: true;
  /** The named check that found it (the server suites' registry key). */
  check?: string;
  evidence?: Evidence;
}

/** A finding that broke its rule. */
export type BrokenFinding = Finding & { seen: string };

export const isBroken = (f: Finding): f is BrokenFinding => f.seen !== undefined;

/** The finding of a rule judged once: broken when `seen` says what broke it, held when it is undefined. */
export const findingOf = (ruleId: string, seen?: string): Finding =>
  seen === undefined ? { ruleId } : { ruleId, seen };
