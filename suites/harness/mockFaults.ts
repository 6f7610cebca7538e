import { isFaultName, type FaultName } from '../../mock';
import { runOptions } from './runOptions';

/** The faults the run options name; a suite's private mock (lifecycle) takes the same ones. */
export function faultsFromEnv(): FaultName[] {
  const names = runOptions().mockFaults;
  const unknown = names.filter((n) => !isFaultName(n));
  if (unknown.length > 0) throw new Error(`mock faults: unknown fault(s) ${unknown.join(', ')}`);
  return names as FaultName[];
}
