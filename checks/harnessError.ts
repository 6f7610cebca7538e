import type { CheckName } from './checkName';

/**
 * A problem of our own, not non-conformance of the target: e.g. a case labelled invalid whose
 * body the spec module finds valid. Thrown (never returned as a CheckFailure) so it can never be
 * counted as a target failure; suites map it to exit 2.
 */
export class HarnessError extends Error {
  override readonly name = 'HarnessError';
  constructor(
    readonly check: CheckName,
    readonly ruleId: string | undefined,
    message: string,
  ) {
    super(`[${check}${ruleId === undefined ? '' : ` ${ruleId}`}] harness problem: ${message}`);
  }
}
