import { SCENARIOS, type Scenario } from './scenarios';

/** Scenarios with a retry in them: where the rules judged across a run's requests are proven. */
const RETRYING = ['system-error-then-genuine', 'dropped-connection', 'slow-answer'];
/** Rules judged on every request: two scenarios prove them (two runs, a retry: nonce reuse shows). */
const EVERY_REQUEST = ['genuine', 'system-error-then-genuine'];
const ACROSS_RUN = ['CLIENT-RETRY-SAME-OON', 'CLIENT-RETRY-SAME-PARAMS', 'CLIENT-ONE-ORDER'];
/** WeChat Pay's real error shapes are part of what the wire does. */
const ALSO: Record<string, string[]> = {
  'CLIENT-SURVIVES-WIRE': ['error-param-error', 'error-sign-error'],
  'CLIENT-VERIFY-ERRORS': ['bad-signature-error'],
};

/** The scenarios that prove a rule: its own, the retrying ones for the run rules, two for the request rules. */
function scenariosOf(ruleId: string): string[] {
  const own = [...SCENARIOS.filter((s) => s.ruleId === ruleId).map((s) => s.name), ...(ALSO[ruleId] ?? [])];
  if (ACROSS_RUN.includes(ruleId)) return [...new Set([...own, ...RETRYING])];
  return own.length > 0 ? own : EVERY_REQUEST;
}

/** --scenario names win; else the scenarios of --only's rules; else every scenario. In catalogue order. */
export function selectScenarios(only: readonly string[], names: readonly string[]): Scenario[] {
  const wanted = new Set(names.length > 0 ? names : only.flatMap(scenariosOf));
  return wanted.size === 0 ? [...SCENARIOS] : SCENARIOS.filter((s) => wanted.has(s.name));
}
