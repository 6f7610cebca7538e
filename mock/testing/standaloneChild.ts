import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The standalone mock (standaloneMain.ts) as a process of its own on a data directory, for kill -9 tests; test support. */
export function startStandaloneChild(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const mockDir = join(__dirname, '..');
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(mockDir, 'standaloneMain.ts'), dir],
    { cwd: join(mockDir, '..'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the mock exited early with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      child.removeAllListeners('exit');
      resolve({ child, url: (JSON.parse(line) as { url: string }).url });
    });
  });
}

/** kill -9, resolved when the process is gone. */
export function killNow(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  return exited;
}
