// What `mock --audit` keeps of a session of any length: per client rule, how many requests it judged and how
// many broke it, the first request that passed it, the first that broke it and the latest few that did. Memory
// and the report are then sized by rules and examples, not by traffic (a sandbox left running for a week).
import { FOREIGN_PARTY, verdictOf } from '../judgement';
import type { CallerExchange } from './clientSession';

/** How many of the latest requests that broke a rule are kept beside the first. */
export const LATEST_EXAMPLES = 3;

interface RuleTally {
  judged: number;
  failed: number;
  firstPassed?: CallerExchange;
  firstFailed?: CallerExchange;
  latestFailed: CallerExchange[];
}

export interface SessionExamples {
  /** Counts the exchange under each rule it was judged by; keeps it when it is an example. */
  add(exchange: CallerExchange): void;
  readonly requests: number;
  /** The kept exchanges in order of arrival, each with the rules it exemplifies. */
  examples(): Array<{ exchange: CallerExchange; of: string[] }>;
  /** Per rule: requests judged and broken, over the whole session. */
  counts(): Map<string, { judged: number; failed: number }>;
}

const breaks = (e: CallerExchange, ruleId: string): boolean =>
  e.findings.some((f) => f.ruleId === ruleId && verdictOf(f, FOREIGN_PARTY) === 'failed');

export function sessionExamples(latest = LATEST_EXAMPLES): SessionExamples {
  const tallies = new Map<string, RuleTally>();
  let requests = 0;
  return {
    add(exchange) {
      requests += 1;
      for (const ruleId of new Set(exchange.findings.map((f) => f.ruleId))) {
        const t = tallies.get(ruleId) ?? { judged: 0, failed: 0, latestFailed: [] };
        tallies.set(ruleId, t);
        t.judged += 1;
        if (!breaks(exchange, ruleId)) {
          t.firstPassed ??= exchange;
          continue;
        }
        t.failed += 1;
        if (t.firstFailed === undefined) t.firstFailed = exchange;
        else {
          t.latestFailed.push(exchange);
          if (t.latestFailed.length > latest) t.latestFailed.shift();
        }
      }
    },
    get requests() {
      return requests;
    },
    examples() {
      const kept = new Map<CallerExchange, string[]>();
      for (const [ruleId, t] of tallies)
        for (const e of [t.firstPassed, t.firstFailed, ...t.latestFailed])
          if (e !== undefined) kept.set(e, [...(kept.get(e) ?? []), ruleId]);
      return [...kept]
        .sort(([a], [b]) => a.index - b.index)
        .map(([exchange, of]) => ({ exchange, of: [...new Set(of)] }));
    },
    counts() {
      return new Map([...tallies].map(([ruleId, t]) => [ruleId, { judged: t.judged, failed: t.failed }]));
    },
  };
}
