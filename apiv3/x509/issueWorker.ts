// The helper thread of issueCertificateSync: issues each certificate it is sent, posts the PEM (or the
// error) on the job's port, then wakes the waiting caller. One thread serves a process for its life.
import { isMainThread, parentPort, type MessagePort } from 'node:worker_threads';
import { issueCertificate, type CertificateOrder } from './issueCertificate';

/** What the thread is sent, once per certificate. */
export interface IssueJob {
  order: CertificateOrder;
  port: MessagePort;
  /** Int32Array over a SharedArrayBuffer: set to 1 and notified when the answer is on the port. */
  done: Int32Array;
}

/** This file, for the Worker to load. */
export const ISSUE_WORKER_FILE = __filename;

/** Posts the answer of a job and wakes its caller. */
export function answerJob(job: IssueJob, message: { pem: string } | { error: string }): void {
  job.port.postMessage(message);
  job.port.close();
  Atomics.store(job.done, 0, 1);
  Atomics.notify(job.done, 0);
}

if (!isMainThread && parentPort !== null) {
  parentPort.on('message', (job: IssueJob) => {
    issueCertificate(job.order).then(
      (pem) => answerJob(job, { pem }),
      (error: unknown) => answerJob(job, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
