import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readThrottling, type Throttling } from '../../judgement';
import { evidenceDir, type RunOptions } from './runOptions';

/**
 * The run's throttle budget: the wall time it may spend waiting out 429 answers. Time during which
 * at least one request waits counts once, however many wait together, so the budget bounds what
 * throttling adds to the run at any concurrency. Jest gives every suite file its own modules, so
 * each file keeps its own ledger (`throttling-<id>.json` beside the evidence) and starts from what
 * the files before it spent: the budget is the run's, not each file's.
 */
export interface ThrottleBudget {
  /** Whether a wait of `ms` still fits. */
  fits(ms: number): boolean;
  wait(ms: number): Promise<void>;
  /** Counts one 429 answer. */
  answered(): void;
  /** Records a test left not exercised because the budget ran out. */
  notExercised(testTitle: string): void;
}

export function throttleBudget(options: Pick<RunOptions, 'reportsDir' | 'throttleBudgetMs'>): ThrottleBudget {
  const dir = evidenceDir(options);
  const spentBefore = readThrottling([dir]).waitedMs;
  const file = join(dir, `throttling-${randomUUID()}.json`);
  const mine: Throttling = { answers: 0, waitedMs: 0, notExercised: [] };
  let waiters = 0;
  let since = 0;
  const save = (): void => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(mine)}\n`);
  };
  const spent = (): number => spentBefore + mine.waitedMs + (waiters > 0 ? performance.now() - since : 0);
  return {
    fits: (ms) => spent() + ms <= options.throttleBudgetMs,
    async wait(ms) {
      if (waiters === 0) since = performance.now();
      waiters += 1;
      await new Promise((resolve) => setTimeout(resolve, ms));
      waiters -= 1;
      if (waiters === 0) {
        mine.waitedMs += Math.round(performance.now() - since);
        save();
      }
    },
    answered() {
      mine.answers += 1;
      save();
    },
    notExercised(testTitle) {
      mine.notExercised.push(testTitle);
      save();
    },
  };
}
