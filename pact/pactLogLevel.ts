/** Pact's own logs stay out of the default output; PAYSCORE_PACT_VERBOSE=1 (or PACT_LOG_LEVEL) asks for them. */
export function pactLogLevel(env: NodeJS.ProcessEnv = process.env): 'info' | 'error' | 'debug' | 'trace' | 'warn' {
  const given = env['PACT_LOG_LEVEL'];
  if (given === 'info' || given === 'error' || given === 'debug' || given === 'trace' || given === 'warn') return given;
  return env['PAYSCORE_PACT_VERBOSE'] === '1' ? 'info' : 'error';
}
