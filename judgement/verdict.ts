/**
 * The conformance verdict, one union for a failure (verdictOf), a judged rule in one test (evidence,
 * JUnit), and a rule of the auditor report. Its values are the report's public strings
 * (schemas/conformance-report.schema.json, `$defs.verdict`; a test ties the two), so no output seam
 * translates them. In order of rank: a rule judged by several records takes the worst.
 */
export const VERDICTS = ['passed', 'informational', 'warning', 'failed', 'not exercised'] as const;

export type Verdict = (typeof VERDICTS)[number];

/** How one failure counts (verdictOf). */
export type FailureVerdict = Extract<Verdict, 'failed' | 'warning' | 'informational'>;

/** What one rule judged in one test came to (an evidence record): every verdict but 'not exercised'. */
export type JudgedVerdict = Exclude<Verdict, 'not exercised'>;

/** The worse of two judged verdicts. */
export const worseVerdict = (a: JudgedVerdict, b: JudgedVerdict): JudgedVerdict =>
  VERDICTS.indexOf(b) > VERDICTS.indexOf(a) ? b : a;

/** The tag the replay output and the notify JUnit notes have always printed before a failure (kept: users read them). */
export const FAILURE_TAG: Record<FailureVerdict, string> = { failed: 'fail', warning: 'warn', informational: 'info' };
