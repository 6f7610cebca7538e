import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Delivery } from './notifyKit';

/** What came back: the status and the first bytes of the body, or why nothing did; always the latency. */
export interface ReceiverAnswerSeen {
  status?: number;
  /** The answer body (at most MAX_KEPT_BYTES). */
  body: string;
  latencyMs: number;
  error?: { kind: 'timeout' | 'connection'; message: string };
}

const MAX_KEPT_BYTES = 4096;

/** POSTs one notification as WeChat Pay does and waits at most timeoutMs for the answer; `tls` verifies an https receiver. */
export function postNotification(
  url: string,
  delivery: Delivery,
  timeoutMs: number,
  tls: { ca?: string; rejectUnauthorized?: boolean } = {},
): Promise<ReceiverAnswerSeen> {
  const target = new URL(url);
  const started = performance.now();
  const elapsed = (): number => Math.round((performance.now() - started) * 10) / 10;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: ReceiverAnswerSeen): void => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...delivery.headers, 'Content-Length': String(delivery.body.length) },
        agent: false,
        ...(target.protocol === 'https:' ? tls : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept < MAX_KEPT_BYTES) chunks.push(chunk);
          kept += chunk.length;
        });
        res.on('end', () =>
          settle({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).subarray(0, MAX_KEPT_BYTES).toString('utf8'),
            latencyMs: elapsed(),
          }),
        );
        res.on('error', () =>
          settle({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), latencyMs: elapsed() }),
        );
      },
    );
    req.setTimeout(timeoutMs, () => {
      settle({
        body: '',
        latencyMs: elapsed(),
        error: { kind: 'timeout', message: `no answer within ${timeoutMs} ms` },
      });
      req.destroy();
    });
    req.on('error', (error) =>
      settle({ body: '', latencyMs: elapsed(), error: { kind: 'connection', message: error.message } }),
    );
    req.end(delivery.body);
  });
}
