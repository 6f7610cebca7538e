import { createToolError, type ProblemLine } from '../../toolErrors';

/** One thing wrong with a profile: where, what, and how to fix it. */
export interface ProfileProblem extends ProblemLine {
  /** Dotted field path (`merchant.privateKeyPath`), an environment variable name, or `(file)`. */
  field: string;
  problem: string;
  fix: string;
}

/**
 * A problem of our own setup (exit 2), never non-conformance of the target. Lists every problem at once.
 * Catalogue entry PSC_PROFILE (toolErrors/).
 */
export class ProfileError extends createToolError('PSC_PROFILE') {
  readonly problems: ProfileProblem[];

  constructor(problems: ProfileProblem[], source?: string) {
    super(problems, source);
    this.problems = problems;
  }
}
