/**
 * The exit codes, a public interface: 0 the target conforms, 1 it does not, 2 a problem of ours — a bad
 * flag, a bad profile or case file, a harness failure or an unreachable target. Code 2 is named PROBLEM,
 * not USAGE, because a usage error is only one of the problems it covers. They live here, with the catalogue,
 * so that every error of ours carries its exit code.
 */
export const EXIT = { OK: 0, NONCONFORMANT: 1, PROBLEM: 2 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
