/** Faults whose symptom a client sees first under another rule, and what makes them observable quickly. */
export const OBSERVED_AS: Partial<Record<string, { rules: string[]; args?: string[]; env?: NodeJS.ProcessEnv }>> = {
  // Every answer is late: the client times out, which not_a_server_error reports as a server fault.
  'slow-answers': {
    rules: ['SYSTEM-ERROR'],
    args: ['--timeout', '800', '--only', 'SYSTEM-ERROR'],
    env: { PAYSCORE_MOCK_SLOW_MS: '1500' },
  },
  // 429 to a caller within its limit: what a suite can observe is a valid request refused.
  'rate-limit-all': { rules: ['VALID-ACCEPTED'] },
};
