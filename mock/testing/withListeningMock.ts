import { createMockWithFreshKeys, type FreshMock, type FreshMockOptions } from '../freshMock';

/** Runs `use` against a fresh mock listening on a free loopback port, and stops it afterwards. */
export async function withListeningMock<T>(
  options: FreshMockOptions,
  use: (mock: FreshMock) => Promise<T>,
): Promise<T> {
  const mock = createMockWithFreshKeys(options);
  await mock.listen();
  try {
    return await use(mock);
  } finally {
    await mock.server.stop();
  }
}
