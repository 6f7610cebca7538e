/** One thing wrong with a profile: where, what, and how to fix it. */
export interface ProfileProblem {
  /** Dotted field path (`merchant.privateKeyPath`), an environment variable name, or `(file)`. */
  field: string;
  problem: string;
  fix: string;
}

/** A problem of our own setup (exit 2), never non-conformance of the target. Lists every problem at once. */
export class ProfileError extends Error {
  readonly problems: ProfileProblem[];

  constructor(problems: ProfileProblem[], source?: string) {
    const head = `the target profile${source === undefined ? '' : ` ${source}`} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`;
    super([head, ...problems.map((p, i) => `  ${i + 1}. ${p.field}: ${p.problem}\n     fix: ${p.fix}`)].join('\n'));
    this.name = 'ProfileError';
    this.problems = problems;
  }
}
