import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A headless Chromium in a child process (consoleBrowser.mjs): one call per operation, its value or its error. */
export interface BrowserDriver {
  call<T>(op: string, ...args: unknown[]): Promise<T>;
  /** Closes the browser and ends the child. */
  stop(): Promise<void>;
}

export function browserDriver(): BrowserDriver {
  const child = spawn(process.execPath, [join(__dirname, 'consoleBrowser.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const { id, ok, value, error } = JSON.parse(line) as { id: number; ok: boolean; value?: unknown; error?: string };
    const waiting = pending.get(id);
    pending.delete(id);
    if (ok) waiting?.resolve(value);
    else waiting?.reject(new Error(`browser: ${error ?? 'failed'}`));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    for (const { reject } of pending.values()) reject(new Error('the browser process ended'));
    pending.clear();
  });
  return {
    call: <T>(op: string, ...args: unknown[]) =>
      new Promise<T>((resolve, reject) => {
        next += 1;
        pending.set(next, { resolve: resolve as (value: unknown) => void, reject });
        child.stdin.write(`${JSON.stringify({ id: next, op, args })}\n`);
      }),
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}
