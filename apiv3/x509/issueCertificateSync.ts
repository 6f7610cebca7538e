import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { CertificateOrder } from './issueCertificate';
import { ISSUE_WORKER_FILE, type IssueJob } from './issueWorker';

const TIMEOUT_MS = 60_000;

// A checkout runs the TypeScript sources (ts-node is a devDependency there); an installed package its .js.
// A thread that cannot even load answers with why, rather than leaving its caller to time out.
const BOOT = `const { workerData } = require('node:worker_threads');
try {
  if (workerData.tsNode !== undefined) require(workerData.tsNode).register({ transpileOnly: true });
  require(workerData.file);
} catch (error) {
  const job = workerData.issueJob;
  job.port.postMessage({ error: String(error && error.message || error) });
  Atomics.store(job.done, 0, 1);
  Atomics.notify(job.done, 0);
}`;
const tsNode = (): string | undefined =>
  ISSUE_WORKER_FILE.endsWith('.ts') ? require.resolve('ts-node', { paths: [__dirname] }) : undefined;

/**
 * issueCertificate for synchronous callers (the key material of a data directory is made synchronously):
 * @peculiar/x509 only speaks promises, so one helper thread issues the certificate while this one waits.
 */
export function issueCertificateSync(order: CertificateOrder): string {
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const issueJob: IssueJob = { order, port: port2, done };
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: { file: ISSUE_WORKER_FILE, tsNode: tsNode(), issueJob },
    transferList: [port2],
    stdout: false,
    stderr: false,
  });
  worker.unref();
  let error: string | undefined;
  worker.once('error', (e: Error) => (error = e.message));
  try {
    if (Atomics.wait(done, 0, 0, TIMEOUT_MS) === 'timed-out')
      throw new Error(`no certificate within ${TIMEOUT_MS / 1000} s${error === undefined ? '' : `: ${error}`}`);
    const message = receiveMessageOnPort(port1)?.message as { pem: string } | { error: string } | undefined;
    if (message === undefined) throw new Error('the certificate thread answered nothing');
    if ('error' in message) throw new Error(`cannot issue the certificate: ${message.error}`);
    return message.pem;
  } finally {
    port1.close();
    void worker.terminate();
  }
}
