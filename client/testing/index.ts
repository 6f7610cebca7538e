// Test support shared by client tests (and usable by other folders' tests): run-time keys, a local server.
export { generateTestKeyPair, tempDir } from '../../apiv3/testing';
export type { TestKeyPair } from '../../apiv3/testing';
export { startLocalServer } from './localServer';
export type { LocalHandler, LocalServer, SeenRequest } from './localServer';
export { loopbackServerIdentity, selfSignedCertificate } from '../../apiv3/testing';
export { testProfile, TEST_PLATFORM_SERIAL } from './testProfile';
export type { TestProfile } from './testProfile';
