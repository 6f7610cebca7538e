import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What throttling cost a run (or one suite file of it): the 429 answers the harness waited out and
 * tried again, the wall time spent waiting, and the tests left not exercised when the run's throttle
 * budget ran out. A 429 is never a verdict: it is counted here instead.
 */
export interface Throttling {
  answers: number;
  waitedMs: number;
  /** Titles of the tests not exercised because the target still throttled when the budget was spent. */
  notExercised: string[];
}

/** Each suite file writes its own `throttling-<id>.json` next to its evidence (files run in any order). */
export const THROTTLING_FILE = /^throttling-[\w-]+\.json$/;

/** The throttling of every suite file under these evidence folders (one run, or its shards), summed. */
export function readThrottling(dirs: readonly string[]): Throttling {
  const total: Throttling = { answers: 0, waitedMs: 0, notExercised: [] };
  for (const dir of dirs.filter((d) => existsSync(d))) {
    for (const f of readdirSync(dir)
      .filter((name) => THROTTLING_FILE.test(name))
      .sort()) {
      const t = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Throttling;
      total.answers += t.answers;
      total.waitedMs += t.waitedMs;
      total.notExercised.push(...t.notExercised);
    }
  }
  return total;
}

/** One sentence on what throttling cost, for the summary line and the reports; undefined when nothing was throttled. */
export function throttlingSentence(t: Throttling | undefined): string | undefined {
  if (t === undefined || t.answers === 0) return undefined;
  const left =
    t.notExercised.length === 0
      ? 'every throttled request was answered in the end'
      : `${t.notExercised.length} test(s) not exercised (reason: throttled; the throttle budget ran out)`;
  return `${t.answers} answer(s) throttled (429, never a verdict), ${(t.waitedMs / 1000).toFixed(1)} s spent waiting them out; ${left}`;
}
