import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface MockChild {
  child: ChildProcess;
  url: string;
  /** Set when the process ended without being told to (a crash). */
  crashed(): boolean;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** The standalone mock (mock/standaloneMain.ts) as a process of its own on a data directory. */
export function startMockChild(dataDir: string, args: string[] = []): Promise<MockChild> {
  const root = join(__dirname, '..');
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(root, 'mock', 'standaloneMain.ts'), dataDir, ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let expected = false;
  let crashed = false;
  child.once('exit', () => {
    crashed = !expected;
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the mock exited before listening (code ${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve({
        child,
        url: (JSON.parse(line) as { url: string }).url,
        crashed: () => crashed,
        kill: (signal) => {
          expected = true;
          const exited = new Promise<void>((done) => child.once('exit', () => done()));
          child.kill(signal);
          return exited;
        },
      }),
    );
  });
}

/** Runs `task` over `items`, `concurrency` at a time. */
export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await task(items[next++] as T);
    }),
  );
}
