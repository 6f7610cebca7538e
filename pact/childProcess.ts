import { spawn } from 'node:child_process';
import { readFileSync, writeSync } from 'node:fs';

// Pact's native verifier prints its whole report to the process's stdout, and no option turns that
// off; so a verification runs in a child process whose stdout is captured. The job goes in on stdin
// as JSON, the result comes back on fd 3 as JSON.

/** What a child gave back: its result or its error message, and everything it printed. */
export type ChildOutcome<T> = { ok: true; result: T; output: string } | { ok: false; message: string; output: string };

/** Node's arguments to run `file`: a TypeScript source (a checkout) goes through ts-node, built JavaScript as it is. */
function nodeArgs(file: string): string[] {
  return file.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only', file] : [file];
}

/** Runs `file` (which calls serveInChild when it is the main module) with `job`; never rejects for the job's own failure. */
export function runInChild<T>(file: string, job: unknown, env: NodeJS.ProcessEnv = {}): Promise<ChildOutcome<T>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs(file), {
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: 'commonjs', moduleResolution: 'node10' }),
        ...env,
      },
    });
    const collect = (stream: NodeJS.ReadableStream | null | undefined, into: Buffer[]) =>
      stream?.on('data', (chunk: Buffer) => into.push(chunk));
    const printed: Buffer[] = [];
    const answer: Buffer[] = [];
    collect(child.stdout, printed);
    collect(child.stderr, printed);
    collect(child.stdio[3] as NodeJS.ReadableStream | null, answer);
    child.on('error', reject);
    child.on('close', (code) => {
      const output = Buffer.concat(printed).toString('utf8');
      const raw = Buffer.concat(answer).toString('utf8');
      if (raw === '')
        return resolve({
          ok: false,
          message: `the verification process ended (exit ${String(code)}) without a result`,
          output,
        });
      const parsed = JSON.parse(raw) as { ok: true; result: T } | { ok: false; message: string };
      resolve({ ...parsed, output });
    });
    child.stdin?.end(JSON.stringify(job));
  });
}

/** In the child: reads the job from stdin, runs it, writes {ok, result | message} to fd 3 and exits. */
export function serveInChild<J, T>(handle: (job: J) => Promise<T>): void {
  const job = JSON.parse(readFileSync(0, 'utf8')) as J;
  handle(job)
    .then(
      (result) => writeSync(3, JSON.stringify({ ok: true, result })),
      (error: unknown) =>
        writeSync(3, JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) })),
    )
    .finally(() => process.exit(0));
}
