import { request } from 'node:http';
import { startLocalServer, type LocalServer, type SeenRequest } from '../../client/testing';

// Test support: a relay between a driver and the mock that records what the driver sent (headers,
// bytes, arrival times) and may change the mock's answer on its way back, as a forger on the wire would.

export interface RelayedAnswer {
  status: number;
  /** Header names lower-cased, as node:http gives them. */
  headers: Record<string, string>;
  body: Buffer;
  /** Write the body in this many pieces with Transfer-Encoding: chunked (default: one, with Content-Length). */
  chunks?: number;
}

/** Changes an answer; 'drop' closes the connection instead of answering (the order may exist). */
export type Tamper = (answer: RelayedAnswer, seen: SeenRequest) => RelayedAnswer | 'drop';

export interface Relay extends LocalServer {
  /** When each request arrived, ms (performance.now), in order. */
  arrivals: number[];
}

function forward(target: string, seen: SeenRequest): Promise<RelayedAnswer> {
  const { host: _host, ...headers } = seen.headers;
  return new Promise((resolve, reject) => {
    const req = request(new URL(seen.url, target), { method: seen.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const answer: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') answer[name] = value;
        resolve({ status: res.statusCode ?? 0, headers: answer, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end(seen.body);
  });
}

/** A relay on 127.0.0.1 (port 0) in front of target. */
export async function startRelay(target: string, tamper: Tamper = (a) => a): Promise<Relay> {
  const arrivals: number[] = [];
  const server = await startLocalServer((seen, res) => {
    arrivals.push(performance.now());
    forward(target, seen).then(
      (genuine) => {
        const answer = tamper(genuine, seen);
        if (answer === 'drop') {
          res.socket?.destroy();
          return;
        }
        const { 'content-length': _length, 'transfer-encoding': _te, connection: _c, ...headers } = answer.headers;
        const pieces = Math.max(1, answer.chunks ?? 1);
        if (pieces === 1) headers['content-length'] = String(answer.body.length);
        res.writeHead(answer.status, headers);
        const size = Math.ceil(answer.body.length / pieces);
        for (let at = 0; at < answer.body.length; at += size) res.write(answer.body.subarray(at, at + size));
        res.end();
      },
      () => res.socket?.destroy(),
    );
  });
  return { ...server, arrivals };
}
