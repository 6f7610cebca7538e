import { readingCases } from './readingSelfTest';

// The second half of the readings self-test (readings.selftest.ts has the first and all at once).

jest.setTimeout(240_000);

describe('self-test: no false failure under any reading', () => {
  readingCases(2, 2);
});
