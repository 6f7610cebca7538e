import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { CertificateOrder } from './issueCertificate';
import { ISSUE_WORKER_FILE, type IssueJob } from './issueWorker';

const TIMEOUT_MS = 60_000;

// A checkout runs the TypeScript sources (ts-node is a devDependency there); an installed package its .js.
// A thread that cannot even load answers every job with why, rather than leaving its caller to time out.
const BOOT = `const { parentPort, workerData } = require('node:worker_threads');
try {
  if (workerData.tsNode !== undefined)
    require(workerData.tsNode).register({ transpileOnly: true, swc: true, compilerOptions: { module: 'commonjs', moduleResolution: 'node10' } });
  require(workerData.file);
} catch (error) {
  parentPort.on('message', (job) => {
    job.port.postMessage({ error: String(error && error.message || error) });
    Atomics.store(job.done, 0, 1);
    Atomics.notify(job.done, 0);
  });
}`;
const tsNode = (): string | undefined =>
  ISSUE_WORKER_FILE.endsWith('.ts') ? require.resolve('ts-node', { paths: [__dirname] }) : undefined;

/**
 * The helper thread, started on first use and kept: starting one costs ~2 s (loading the TypeScript
 * toolchain in a checkout, then @peculiar/x509), a certificate ~0.1 s, and the caller's thread is
 * blocked while it waits. Unreferenced: it never keeps the process alive.
 */
let helper: { worker: Worker; error?: string } | undefined;

function helperThread(): { worker: Worker; error?: string } {
  if (helper !== undefined) return helper;
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: { file: ISSUE_WORKER_FILE, tsNode: tsNode() },
    stdout: false,
    stderr: false,
  });
  worker.unref();
  const started: { worker: Worker; error?: string } = { worker };
  worker.once('error', (e: Error) => (started.error = e.message));
  worker.once('exit', () => {
    if (helper === started) helper = undefined;
  });
  helper = started;
  return started;
}

/**
 * issueCertificate for synchronous callers (the key material of a data directory is made synchronously):
 * @peculiar/x509 only speaks promises, so a helper thread issues the certificate while this one waits.
 */
export function issueCertificateSync(order: CertificateOrder): string {
  const thread = helperThread();
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const job: IssueJob = { order, port: port2, done };
  thread.worker.postMessage(job, [port2]);
  try {
    if (Atomics.wait(done, 0, 0, TIMEOUT_MS) === 'timed-out') {
      // A thread that answers nothing in a minute is stuck: the next call starts another.
      void thread.worker.terminate();
      throw new Error(
        `no certificate within ${TIMEOUT_MS / 1000} s${thread.error === undefined ? '' : `: ${thread.error}`}`,
      );
    }
    const message = receiveMessageOnPort(port1)?.message as { pem: string } | { error: string } | undefined;
    if (message === undefined) throw new Error('the certificate thread answered nothing');
    if ('error' in message) throw new Error(`cannot issue the certificate: ${message.error}`);
    return message.pem;
  } finally {
    port1.close();
  }
}
