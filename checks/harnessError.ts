import { createToolError } from '../toolErrors';

/**
 * A problem of our own, not non-conformance of the target: e.g. a case labelled invalid whose
 * body the specification module finds valid. Thrown (never returned as a CheckFailure) so it can never be
 * counted as a target failure; suites map it to exit 2. A check throws it without its own name
 * (the registry key is the only place a check's name is written); the registry rethrows it named.
 * Catalogue entry PSC_HARNESS (toolErrors/).
 */
export class HarnessError extends createToolError('PSC_HARNESS') {
  constructor(
    readonly ruleId: string | undefined,
    readonly problem: string,
    readonly check?: string,
  ) {
    super(ruleId, problem, check);
  }

  /** The same problem, named after the check it arose in. */
  inCheck(check: string): HarnessError {
    return new HarnessError(this.ruleId, this.problem, check);
  }
}
