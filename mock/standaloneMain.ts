// A tiny entry for child-process tests (kill -9): `node -r ts-node/register/transpile-only
// mock/standaloneMain.ts <data-dir>` starts the mock on a free port and prints {url, profilePath}.
import { startStandaloneMock } from './standalone';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (dataDir === undefined) throw new Error('usage: standaloneMain.ts <data-dir>');
  const mock = await startStandaloneMock({ dataDir, port: 0 });
  process.stdout.write(`${JSON.stringify({ url: mock.url, profilePath: mock.profilePath, pid: process.pid })}\n`);
  const stop = (): void => void mock.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
