import { readingCatalogue } from '../../mock';
import { part } from './part';
import { failedRules, runCliAgainstMock } from './runAgainstMock';

// The mirror of the fault self-test: a correct implementation must never be failed. Under each
// reading (a legitimate alternative behaviour) the embedded mock stands in for another correct
// implementation and the run as a foreign target must exit 0. Any failed rule here is a false failure.
// The readings are split over two files (readings.selftest.ts, readings.part2.selftest.ts).

/** Readings that answer 429: the harness waits them out (issue #20), so they pass with every test exercised. */
const THROTTLING = new Set(['throttle-by-rate', 'throttle-in-flight-duplicates']);

export const underReadings = (readings: string) =>
  runCliAgainstMock([], { PAYSCORE_MOCK_READINGS: readings, PAYSCORE_MOCK_FAULTS: '' });

/** The self-test of part `index` of `count` of the reading catalogue. */
export function readingCases(index: number, count: number): void {
  const readings = part(readingCatalogue(), index, count);
  it.each(readings.map((r) => [r.name, r.rules.join(', ')] as const))(
    'reading %s (room of %s) passes as a foreign target',
    async (name) => {
      const run = await underReadings(name);
      expect(failedRules(run.model)).toEqual([]);
      expect(run.exitCode).toBe(0);
      // A throttling reading must have throttled, or the run passed for nothing; each 429 was waited out.
      if (THROTTLING.has(name))
        expect(run.model.throttling).toMatchObject({ answers: expect.any(Number), notExercised: [] });
      if (THROTTLING.has(name)) expect(run.model.throttling?.answers).toBeGreaterThan(0);
    },
  );
}
