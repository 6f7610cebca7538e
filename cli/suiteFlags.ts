/** The flags that `run` and `notify` share: a profile, a seed, rule IDs to run, where reports go, a timeout, help. */
export const SUITE_FLAGS = {
  profile: { type: 'string' },
  seed: { type: 'string' },
  only: { type: 'string', multiple: true },
  reports: { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
