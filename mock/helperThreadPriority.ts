import { randomFill } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** How many nice levels the `mock` command puts its helper threads below the event loop by default. */
export const DEFAULT_HELPER_NICE = 10;
/** The highest nice value Linux has. */
export const MAX_HELPER_NICE = 19;

export type HelperPriority =
  { applied: true; nice: number; threads: number; failed: number } | { applied: false; reason: string };

/**
 * Runs every thread of this process but the main one (libuv's pool, which signs and verifies, and
 * V8's helpers) `levels` nice levels below the event loop. Why: handing an RSA job to the pool wakes
 * a pool thread, and Linux's wake-up preemption then gives it the event loop's core for most of a
 * 250 µs sign. On 2 cores that stalled the loop ~100 µs per create (bench/mock.bench.ts).
 * Linux-only (a thread id is a process id to setpriority); elsewhere nothing changes. Never throws
 * for a thread it cannot change: a thread that exits meanwhile, or a priority it may not set, counts as failed.
 */
export async function lowerHelperThreadPriority(levels: number = DEFAULT_HELPER_NICE): Promise<HelperPriority> {
  if (!Number.isInteger(levels) || levels < 0 || levels > MAX_HELPER_NICE)
    throw new RangeError(`helper nice levels must be an integer from 0 to ${MAX_HELPER_NICE}, got ${levels}`);
  if (levels === 0) return { applied: false, reason: 'asked for 0 levels' };
  if (process.platform !== 'linux')
    return { applied: false, reason: `per-thread priority is Linux-only, this is ${process.platform}` };
  // libuv starts its whole pool on the first job; run one so that its threads exist before they are listed.
  await new Promise((resolve) => randomFill(Buffer.alloc(1), resolve));
  const nice = Math.min(MAX_HELPER_NICE, getPriority(process.pid) + levels);
  const helpers = readdirSync('/proc/self/task')
    .map(Number)
    .filter((tid) => tid !== process.pid);
  let failed = 0;
  for (const tid of helpers) {
    try {
      setPriority(tid, nice);
    } catch {
      failed++;
    }
  }
  return { applied: true, nice, threads: helpers.length - failed, failed };
}
