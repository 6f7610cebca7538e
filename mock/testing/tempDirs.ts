import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Fresh temporary directories, removed together by `removeAll` (call it in afterAll); test support. */
export function tempDirs(prefix: string): { fresh(): string; removeAll(): void } {
  const dirs: string[] = [];
  return {
    fresh: () => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    removeAll: () => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })),
  };
}
