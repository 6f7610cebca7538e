// Test support shared by client tests (and usable by other folders' tests): run-time keys, a local server.
export { generateTestKeyPair, tempDir } from './keys';
export type { TestKeyPair } from './keys';
export { startLocalServer } from './localServer';
export type { LocalHandler, LocalServer, SeenRequest } from './localServer';
export { selfSignedCertificate } from './certificate';
export { testTarget, TEST_PLATFORM_SERIAL } from './testProfile';
export type { TestTarget } from './testProfile';
