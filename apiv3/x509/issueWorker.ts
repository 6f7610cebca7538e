// The helper thread of issueCertificateSync: issues one certificate, posts the PEM (or the error) on the
// port it was given, then wakes the waiting caller.
import { isMainThread, workerData, type MessagePort } from 'node:worker_threads';
import { issueCertificate, type CertificateOrder } from './issueCertificate';

/** What the thread is handed. */
export interface IssueJob {
  order: CertificateOrder;
  port: MessagePort;
  /** Int32Array over a SharedArrayBuffer: set to 1 and notified when the answer is on the port. */
  done: Int32Array;
}

/** This file, for the Worker to load. */
export const ISSUE_WORKER_FILE = __filename;

function answer(job: IssueJob, message: { pem: string } | { error: string }): void {
  job.port.postMessage(message);
  Atomics.store(job.done, 0, 1);
  Atomics.notify(job.done, 0);
}

const job = isMainThread ? undefined : (workerData as { issueJob?: IssueJob } | undefined)?.issueJob;
if (job !== undefined) {
  issueCertificate(job.order).then(
    (pem) => answer(job, { pem }),
    (error: unknown) => answer(job, { error: error instanceof Error ? error.message : String(error) }),
  );
}
