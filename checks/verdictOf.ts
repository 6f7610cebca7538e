import type { CheckFailure, TargetKind } from './types';
import type { FailureVerdict } from './verdict';

/**
 * How a failure counts: SEED always fails; SIBLING fails unless the target profile downgraded its
 * rule id (then warns); DECISION fails only on the bundled mock and is informational elsewhere.
 */
export function verdictOf(
  failure: CheckFailure,
  targetKind: TargetKind,
  downgraded: readonly string[],
): FailureVerdict {
  switch (failure.basis) {
    case 'SEED':
      return 'failed';
    case 'SIBLING':
      return downgraded.includes(failure.ruleId) ? 'warning' : 'failed';
    case 'DECISION':
      return targetKind === 'mock' ? 'failed' : 'informational';
  }
}
