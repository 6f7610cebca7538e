/** Faults seen under another rule or through another rule's tests, and what makes them observable quickly. */
export const OBSERVED_AS: Partial<
  Record<string, { rules: string[]; args?: string[]; env?: NodeJS.ProcessEnv; exitCode?: number; throttled?: boolean }>
> = {
  // Every answer is late: the client times out, which not_a_server_error reports as a server fault.
  'slow-answers': {
    rules: ['SYSTEM-ERROR'],
    args: ['--timeout', '800', '--only', 'SYSTEM-ERROR'],
    env: { PAYSCORE_MOCK_SLOW_MS: '1500' },
  },
  // The package is missing from a confirm-mode replay, which the IDEMP-SAME tests make: the fault runs
  // with them beside the STATE-CONFIRM-MODE tests (faults run `--only <their rule>`, faultSelfTest.ts).
  'replay-without-package': { rules: ['STATE-CONFIRM-MODE'], args: ['--only', 'STATE-CONFIRM-MODE,IDEMP-SAME'] },
  // 429 to every request: a 429 is never a verdict, so nothing can be judged. Caught as a run that
  // cannot conform: every test not exercised (throttled) once the budget is spent, exit 2.
  'rate-limit-all': { rules: [], args: ['--throttle-budget', '500'], exitCode: 2, throttled: true },
};
