import type { CheckFailure, Target } from './types';

/**
 * How a failure counts: SEED always fails; SIBLING fails unless the target profile downgraded its
 * rule id (then warns); DECISION fails only on the bundled mock and is informational elsewhere.
 */
export function verdictOf(
  failure: CheckFailure,
  target: Target,
  downgraded: readonly string[],
): 'fail' | 'warn' | 'info' {
  switch (failure.basis) {
    case 'SEED':
      return 'fail';
    case 'SIBLING':
      return downgraded.includes(failure.ruleId) ? 'warn' : 'fail';
    case 'DECISION':
      return target === 'mock' ? 'fail' : 'info';
  }
}
