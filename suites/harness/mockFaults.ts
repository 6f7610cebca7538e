import { isFaultName, isReadingName, readingCatalogue, type FaultName, type ReadingName } from '../../mock';

/** Faults to switch on in the embedded mock (comma-separated); the self-test uses it. */
export const FAULTS_ENV = 'PAYSCORE_MOCK_FAULTS';

/** The faults FAULTS_ENV names; a suite's private mock (lifecycle) takes the same ones. */
export function faultsFromEnv(): FaultName[] {
  const names = (process.env[FAULTS_ENV] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = names.filter((n) => !isFaultName(n));
  if (unknown.length > 0) throw new Error(`${FAULTS_ENV}: unknown fault(s) ${unknown.join(', ')}`);
  return names as FaultName[];
}

/** Readings to switch on in the embedded mock (comma-separated; `all`); the fairness self-test uses it. */
export const READINGS_ENV = 'PAYSCORE_MOCK_READINGS';

/** The readings READINGS_ENV names. With any, the embedded mock stands in for another correct implementation. */
export function readingsFromEnv(): ReadingName[] {
  const names = (process.env[READINGS_ENV] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.includes('all')) return readingCatalogue().map((r) => r.name);
  const unknown = names.filter((n) => !isReadingName(n));
  if (unknown.length > 0) throw new Error(`${READINGS_ENV}: unknown reading(s) ${unknown.join(', ')}`);
  return names as ReadingName[];
}
