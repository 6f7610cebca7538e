import { basename } from 'node:path';
import { UNIQUE_COUNTERS } from '../../generators';
import { SUITE_NAMES } from '../conformanceJestConfig';

// Jest gives each suite file its own module registry, so each its own copy of this module: a counter
// here is per suite file, not per run. Two files counting from 1 in the same second sent the same
// out_order_no, and whichever ran second was answered as a replay (a conflict 400 looks like the refusal
// RISK-CAP expects: fault risk-cap-off-by-one passed whenever boundary.suite ran before invalid.suite,
// and a target could be failed for the conflict). So each suite file counts in a block of its own.

/** Counters each suite file may take per second of start. */
export const COUNTERS_PER_FILE = 2_000;
/** Blocks per second: one per suite file, with room for one more file. */
export const FILE_BLOCKS = 8;
/**
 * Seconds before the start-second part wraps (~55 days): a persistent target never sees a run's
 * out_order_no again within that time. Every counter stays below UNIQUE_COUNTERS (36^7), the room
 * withUniqueOutOrderNo has.
 */
const SECONDS_ROOM = Math.floor(UNIQUE_COUNTERS / (FILE_BLOCKS * COUNTERS_PER_FILE));

/** The block of the suite file `testPath` (block 0 outside a suite file: a unit test, a script). */
export function fileBlock(testPath: string | undefined, files: readonly string[] = SUITE_NAMES): number {
  if (testPath === undefined) return 0;
  const at = files.indexOf(basename(testPath).replace(/\.suite\.(ts|js)$/, ''));
  if (at < 0) return 0;
  if (at >= FILE_BLOCKS)
    throw new Error(`suite file ${basename(testPath)} has no out_order_no block: raise FILE_BLOCKS in ${__filename}`);
  return at;
}

/** The first counter of a file's block, for a run started at `startMs`. */
export function blockBase(startMs: number, block: number): number {
  return (Math.floor(startMs / 1000) % SECONDS_ROOM) * FILE_BLOCKS * COUNTERS_PER_FILE + block * COUNTERS_PER_FILE;
}

const started = Date.now();
let base: number | undefined;
let counter = 0;

/** The next out_order_no counter of this suite file in this run: unique across the run's files. */
export function nextOrderCounter(): number {
  base ??= blockBase(started, fileBlock(typeof expect === 'undefined' ? undefined : expect.getState().testPath));
  counter += 1;
  if (counter >= COUNTERS_PER_FILE)
    throw new Error(
      `more than ${COUNTERS_PER_FILE - 1} creates in one suite file: raise COUNTERS_PER_FILE in ${__filename}`,
    );
  return base + counter;
}
