import { TEST_KEY_POOL_ENV } from '../../mock';
import { SELFTEST_ENV } from './runAgainstMock';

// Before each self-test file (jest.config.ts, project selftest): the RSA keys of the mocks and audits it
// runs in its own process come from the key pool too (mock/keys/testKeyPool.ts), as those of its child
// runs do. Generating a key blocks the thread for 0.1-1 s, more on a loaded machine, and the caller
// self-test runs several audits at once in one process: one audit's keys stalled another's answers past
// its driver's own timeout, and a defect went uncaught under load (issue #27, npm run stress-selftest).
process.env[TEST_KEY_POOL_ENV] ??= SELFTEST_ENV[TEST_KEY_POOL_ENV];
