import { stopEmbeddedMock } from './globalSetup';

/** Jest globalTeardown of the conformance project. */
export default async function globalTeardown(): Promise<void> {
  await stopEmbeddedMock();
}
