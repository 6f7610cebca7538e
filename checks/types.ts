import type { Exchange } from '../client';
import type { Basis, BoundIdentities } from '../specification';
import type { BrokenFinding, TargetKind, Verdict } from '../judgement';

/** What the suite expects of one exchange. */
export type CaseExpectation =
  /**
   * A valid request; `ruleId` optionally names the rule a boundary case exercises (named when it is
   * refused). `capped`: it is a new order only by that rule (a DECISION), so every failure found on
   * it counts at most at that rule's basis on a foreign target (capToProbe).
   */
  | { kind: 'accept'; ruleId?: string; capped?: true }
  /** Breaks exactly this rule; the expected answer is rule(ruleId).expect. */
  | { kind: 'reject'; ruleId: string }
  /** Same out_order_no, same parameters as `first`; `ruleId` names the rule that makes it a replay (e.g. IDEMP-SAME-JSON). */
  | { kind: 'replay'; first: Exchange; ruleId?: string }
  /** Same out_order_no, different parameters from `first`. */
  | { kind: 'conflict'; first: Exchange }
  | { kind: 'any' };

export interface CheckContext {
  /** The body object the suite meant to send (before serialisation), when it was JSON. */
  sentBody?: unknown;
  /** mchid in the Authorization header the suite sent. */
  mchid: string;
  /** What the suite expects of this exchange. */
  expectation: CaseExpectation;
  targetKind: TargetKind;
  /** Now, ms (for response timestamp freshness). */
  now: number;
  /** The risk-fund cap of the profile's service_id, fen; without it RISK-CAP cannot be re-checked. */
  riskFundCap?: number;
  /** The identities the target has bound (the profile's); without them NO-AUTH cannot be re-checked. */
  identities?: BoundIdentities;
  /** Earlier answers of the same test to other orders: what must differ on every answer (fresh_values). */
  earlier?: readonly Exchange[];
}

/**
 * One broken rule as a check finds it (the core's finding, with its basis always set: a cap may lower it);
 * the registry adds the name of the check that returned it. Rendered once, at the edge (renderFailure).
 */
export type CheckFinding = BrokenFinding & { basis: Basis };

/** A check's finding named after the check that found it (its registry key, typed as a string here). */
export type CheckFailure = CheckFinding & { check: string };

/** A check as written: it names no check, its registry key is its name. */
export interface CheckDefinition {
  /** Every rule id this check can name in a failure. */
  rules: string[];
  description: string;
  run(exchange: Exchange, ctx: CheckContext): CheckFinding[] | 'not-applicable';
}

/** A check as the registry holds it: named after its key, its failures and harness errors carrying that name. */
export interface Check extends Omit<CheckDefinition, 'run'> {
  name: string;
  run(exchange: Exchange, ctx: CheckContext): CheckFailure[] | 'not-applicable';
}

export interface CheckOutcome {
  check: string;
  status: Extract<Verdict, 'passed' | 'failed'> | 'not-applicable';
  failures: CheckFailure[];
}
