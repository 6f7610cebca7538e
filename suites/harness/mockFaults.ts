import { isFaultName, type FaultName } from '../../mock';

/** Faults to switch on in the embedded mock (comma-separated); the self-test uses it. */
export const FAULTS_ENV = 'PAYSCORE_MOCK_FAULTS';

/** The faults FAULTS_ENV names; a suite's private mock (lifecycle) takes the same ones. */
export function faultsFromEnv(): FaultName[] {
  const names = (process.env[FAULTS_ENV] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = names.filter((n) => !isFaultName(n));
  if (unknown.length > 0) throw new Error(`${FAULTS_ENV}: unknown fault(s) ${unknown.join(', ')}`);
  return names as FaultName[];
}
