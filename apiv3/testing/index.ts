// Test support for the protocol core (and every side's tests): run-time keys and certificates.
export { generateTestKeyPair, tempDir } from './keys';
export type { TestKeyPair } from './keys';
export { loopbackServerIdentity, selfSignedCertificate } from './certificate';
export { MISTAKEN_SIGNERS, signCorrectly } from './mistakenSigners';
export type { SignedOutput, SigningInput } from './mistakenSigners';
