import { spawn } from 'node:child_process';

/** How the command ended, and what it printed (each stream capped). */
export interface DriverRun {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  ms: number;
  /** The command could not be started at all (not found, not executable). */
  startError?: string;
}

const CAP = 64 * 1024;

/**
 * Runs the driver once, in its own process group so a hang past `timeoutMs` ends it with everything it
 * started. Never rejects: how it ended is data the audit judges.
 */
export function runDriver(argv: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<DriverRun> {
  const started = Date.now();
  const [command, ...args] = argv;
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const child = spawn(command ?? '', args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      if (stdout.length < CAP) stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < CAP) stderr += d.toString('utf8');
    });
    const end = (exitCode: number | null, signal: string | null, startError?: string): void => {
      clearTimeout(timer);
      resolve({
        exitCode,
        signal,
        timedOut,
        stdout,
        stderr,
        ms: Date.now() - started,
        ...(startError === undefined ? {} : { startError }),
      });
    };
    child.once('error', (error) => end(null, null, error.message));
    child.once('close', (code, signal) => end(code, signal));
  });
}

/** The command's one JSON line: the last stdout line that is a JSON object with an outcome. */
export function outcomeLine(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.split('\n').map((l) => l.trim());
  for (const line of lines.reverse()) {
    if (!line.startsWith('{')) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (value !== null && typeof value === 'object' && 'outcome' in value) return value as Record<string, unknown>;
    } catch {
      // Not the line: keep looking.
    }
  }
  return undefined;
}
