import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DATA_FILES, loadOrInitDataDir, type KeyMode } from './keys';
import { sqliteOrderStore } from './store';

/** What a worker tells the primary once it listens. */
interface Listening {
  type: 'payscore-mock-listening';
  url: string;
  profilePath: string;
}

const isListening = (m: unknown): m is Listening =>
  typeof m === 'object' && m !== null && (m as Listening).type === 'payscore-mock-listening';

/** Whether this process is a worker of `mock --workers N`. */
export const isMockWorker = (): boolean => cluster.isWorker;

/** `--workers` as a count: `auto` is the number of CPUs this process may use. */
export function workerCount(text: string): number | undefined {
  if (text === 'auto') return availableParallelism();
  return /^\d+$/.test(text) && Number(text) >= 1 ? Number(text) : undefined;
}

/** A worker reports that it listens (the primary prints one line for all of them). */
export function announceWorker(url: string, profilePath: string): void {
  const message: Listening = { type: 'payscore-mock-listening', url, profilePath };
  process.send?.(message);
}

/** A worker that has stopped lets go of the primary's channel, which would keep it alive. */
export function leaveWorkerPool(): void {
  if (cluster.isWorker && process.connected) process.disconnect();
}

export interface WorkerPoolOptions {
  workers: number;
  dataDir: string;
  keyMode: KeyMode;
  /** The script and arguments that start one worker: the `mock` command itself. */
  exec: string;
  args: string[];
  out: (line: string) => void;
  err: (line: string) => void;
  /** Resolves when the pool should stop (SIGINT, SIGTERM, a test). */
  stopped: Promise<void>;
}

/** A worker that dies is replaced, up to this many times, so one bad crash does not take the sandbox down. */
const MAX_RESTARTS = 10;

/**
 * The primary of `mock --workers N`: N processes of the mock, sharing its port (node:cluster hands
 * each connection to one of them) and one SQLite file in WAL mode, where idempotency and nonce
 * replay are decided (AUTH-NONCE-DURABLE). Keys and the schema are made here first, so workers
 * never race to create them. Answers the exit code: 0 after a clean stop, 2 when a worker cannot start.
 */
export async function runWorkerPool(options: WorkerPoolOptions): Promise<number> {
  loadOrInitDataDir(options.dataDir, options.keyMode);
  sqliteOrderStore({ path: join(options.dataDir, DATA_FILES.database) }).close();
  cluster.setupPrimary({ exec: options.exec, args: options.args, silent: false });
  let stopping = false;
  let restarts = 0;
  const workers = new Set<Worker>();
  const fork = (): Worker => {
    const worker = cluster.fork();
    workers.add(worker);
    worker.once('exit', (code, signal) => {
      workers.delete(worker);
      if (stopping) return;
      options.err(
        `payscore-conformance mock: worker ${worker.process.pid} ended (${signal ?? `exit ${code}`})${restarts < MAX_RESTARTS ? '; starting another' : ''}`,
      );
      if (restarts++ < MAX_RESTARTS) fork();
    });
    return worker;
  };
  const started = Array.from({ length: options.workers }, fork);
  const listening = await Promise.all(
    started.map(
      (worker) =>
        new Promise<Listening | undefined>((resolve) => {
          worker.on('message', (m: unknown) => {
            if (isListening(m)) resolve(m);
          });
          worker.once('exit', () => resolve(undefined));
        }),
    ),
  );
  const first = listening[0];
  if (first === undefined || listening.some((l) => l === undefined)) {
    stopping = true;
    await stopAll(workers);
    options.err(`payscore-conformance mock: a worker could not start on --data-dir ${options.dataDir}`);
    return 2;
  }
  options.out(
    `payscore-conformance mock listening on ${first.url} with ${options.workers} workers — profile ${first.profilePath}`,
  );
  await options.stopped;
  stopping = true;
  await stopAll(workers);
  return 0;
}

function stopAll(workers: Set<Worker>): Promise<void> {
  return Promise.all(
    [...workers].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    ),
  ).then(() => undefined);
}
