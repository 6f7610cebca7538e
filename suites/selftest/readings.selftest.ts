import { failedRules } from './runAgainstMock';
import { readingCases, underReadings } from './readingSelfTest';

// No false failure under any reading alone (half of them here, half in readings.part2.selftest.ts),
// nor under all of them at once.

jest.setTimeout(240_000);

describe('self-test: no false failure under any reading', () => {
  readingCases(1, 2);

  it('all readings at once pass as a foreign target', async () => {
    const run = await underReadings('all');
    expect(failedRules(run.model)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.model.summary.passed).toBeGreaterThan(50);
  });
});
