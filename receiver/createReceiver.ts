import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JSON_MEDIA_TYPE, RECEIVER_FAILURE_BODY } from '../apiv3';
import { judgeNotification, type JudgeConfig, type ReceiverDecision } from './judgeNotification';
import type { NotificationLog } from './notificationLog';
import { receiverPolicy } from './receiverFaults';

/** No source gives a limit (RECV-HUGE, DECISION): notifications are a few KiB; 1 MiB is far beyond any. */
export const MAX_NOTIFICATION_BYTES = 1024 * 1024;

export interface ReceiverOptions extends JudgeConfig {
  log: NotificationLog;
  /** Wall clock, ms (signature timestamps are judged against it). */
  now?: () => number;
  /** One line per notification (status, id or reason). */
  onAnswer?: (line: string) => void;
}

export interface Receiver {
  server: Server;
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

type Body = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** Collects the body up to the limit; beyond it, answers at once and drains the rest unkept (so the sender reads the 413). */
function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_NOTIFICATION_BYTES && !over) {
        over = true;
        chunks.length = 0;
        resolve({ ok: false, reason: `the body is over ${MAX_NOTIFICATION_BYTES} bytes` });
      }
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve({ ok: true, bytes: Buffer.concat(chunks) });
    });
    req.on('error', (error) => {
      if (!over) resolve({ ok: false, reason: error.message });
    });
  });
}

/**
 * The reference receiver (a model notify_url): verifies the signature first, decrypts, records each
 * distinct notification once and answers 204; anything it cannot verify or decrypt is a 4XX with
 * {"code":"FAIL","message":"失败"} and is not delivered. It answers well within the 5-second deadline.
 */
export function createReceiver(options: ReceiverOptions): Receiver {
  const now = options.now ?? Date.now;
  const policy = receiverPolicy(options.faults);
  // answer-shaping seam
  const fail = (res: ServerResponse, status: number): void => {
    if (policy.failureBody === 'plain-text') res.writeHead(status, { 'Content-Type': 'text/plain' }).end('error');
    else res.writeHead(status, { 'Content-Type': JSON_MEDIA_TYPE }).end(JSON.stringify(RECEIVER_FAILURE_BODY));
  };
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      req.resume();
      return fail(res, 405);
    }
    const body = await readBody(req);
    // delay seam
    if (policy.answerDelayMs > 0) await new Promise((r) => setTimeout(r, policy.answerDelayMs));
    if (!body.ok) {
      options.onAnswer?.(`413 ${body.reason}`);
      return fail(res, 413);
    }
    const decision: ReceiverDecision = judgeNotification(req.headers, body.bytes, options, Math.floor(now() / 1000));
    if (!decision.ok) {
      options.onAnswer?.(`${decision.status} ${decision.reason}`);
      return fail(res, decision.status);
    }
    const n = decision.notification;
    const seen = n === undefined ? 'not recorded' : options.log.record(n, now());
    // duplicate seam
    if (seen === 'duplicate' && policy.duplicateStatus !== 204) {
      options.onAnswer?.(`${policy.duplicateStatus} duplicate ${n?.id ?? ''}`);
      return fail(res, policy.duplicateStatus);
    }
    options.onAnswer?.(`204 ${String(n?.event_type ?? '')} ${n?.id ?? ''} (${seen})`);
    res.writeHead(204).end();
  }
  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      // Never crash on input: a bug here is the receiver's own 500, still in the FAIL shape.
      options.onAnswer?.(`500 ${(error as Error).message}`);
      if (!res.headersSent) fail(res, 500);
      else res.destroy();
    });
  });
  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
