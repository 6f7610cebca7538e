import type { Basis, Expectation } from '../specification';

/** The rule an invalid request breaks, with what a target must answer (from rule(id)). */
export interface GeneratedViolation {
  ruleId: string;
  /** JSON Pointer into the request of the broken field ('' for the whole body). */
  pointer: string;
  basis: Basis;
  expect: Expectation;
}

/** A request that breaks exactly one rule, and that rule. */
export interface InvalidSample {
  request: unknown;
  violation: GeneratedViolation;
}

/** A deterministic invalid case, named for test titles. */
export interface InvalidCase extends InvalidSample {
  name: string;
}
