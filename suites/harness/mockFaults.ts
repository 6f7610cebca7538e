import { isFaultName, isReadingName, readingCatalogue, type FaultName, type ReadingName } from '../../mock';
import { toolError } from '../../toolErrors';
import { runOptions } from './runOptions';

/** The faults the run options name; a suite's private mock (lifecycle) takes the same ones. */
export function faultsFromEnv(): FaultName[] {
  const names = runOptions().mockFaults;
  const unknown = names.filter((n) => !isFaultName(n));
  if (unknown.length > 0) throw toolError('PSC_TARGET_CONFIG', `mock faults: unknown fault(s) ${unknown.join(', ')}`);
  return names as FaultName[];
}

/** The readings the run options name (`all` = every one); with any, the embedded mock stands in for another correct implementation. */
export function readingsFromEnv(): ReadingName[] {
  const names = runOptions().mockReadings;
  if (names.includes('all')) return readingCatalogue().map((r) => r.name);
  const unknown = names.filter((n) => !isReadingName(n));
  if (unknown.length > 0)
    throw toolError('PSC_TARGET_CONFIG', `mock readings: unknown reading(s) ${unknown.join(', ')}`);
  return names as ReadingName[];
}
