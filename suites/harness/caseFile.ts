import { join } from 'node:path';
import type { RunOptions } from './runOptions';

/** The folder of replayable case files. */
export function casesDir(options: Pick<RunOptions, 'reportsDir'>): string {
  return join(options.reportsDir, 'cases');
}
