import { faultCases } from './faultSelfTest';

// The second half of the fault self-test (faults.selftest.ts has the first and the clean mock).

jest.setTimeout(240_000);

describe('self-test: the suites catch every fault of the mock', () => {
  faultCases(2, 2);
});
