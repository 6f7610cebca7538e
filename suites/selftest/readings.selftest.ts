import { readingCatalogue } from '../../mock';
import { failedRules, runConformance } from './runAgainstMock';

// The mirror of the fault self-test: a correct implementation must never be failed. Under each
// reading (a legitimate alternative behaviour) alone, and under all at once, the embedded mock
// stands in for another correct implementation and the run as a foreign target must exit 0.
// Any failed rule here is a false failure.

jest.setTimeout(240_000);

/** Readings that answer 429: the harness waits them out (issue #20), so they pass with every test exercised. */
const THROTTLING = new Set(['throttle-by-rate', 'throttle-in-flight-duplicates']);

const underReadings = (readings: string) =>
  runConformance([], { PAYSCORE_MOCK_READINGS: readings, PAYSCORE_MOCK_FAULTS: '' });

describe('self-test: no false failure under any reading', () => {
  it.each(readingCatalogue().map((r) => [r.name, r.rules.join(', ')] as const))(
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

  it('all readings at once pass as a foreign target', async () => {
    const run = await underReadings('all');
    expect(failedRules(run.model)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.model.summary.passed).toBeGreaterThan(50);
  });
});
