import { rmSync } from 'node:fs';

/** Stops the embedded mock and removes its temporary data directory. */
export default async function globalTeardown(): Promise<void> {
  const embedded = globalThis.__payscoreEmbedded;
  if (embedded === undefined) return;
  await embedded.mock.stop();
  rmSync(embedded.dataDir, { recursive: true, force: true });
  globalThis.__payscoreEmbedded = undefined;
}
