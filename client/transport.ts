import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Exchange, ReceivedResponse } from './exchange';

export type TransportError = NonNullable<Exchange['transportError']>;
export type TransportResult = { response: ReceivedResponse } | { transportError: TransportError };

export interface Transport {
  send: (
    url: URL,
    pathWithQuery: string,
    method: string,
    headers: Record<string, string>,
    body: Buffer,
    timeoutMs: number,
  ) => Promise<TransportResult>;
  close: () => void;
}

const CONNECTION_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
];

function classify(error: Error, timedOut: boolean): TransportError {
  if (timedOut) return { kind: 'timeout', message: error.message };
  const code = (error as NodeJS.ErrnoException).code;
  return {
    kind: code !== undefined && CONNECTION_CODES.includes(code) ? 'connection' : 'other',
    message: code === undefined ? error.message : `${code}: ${error.message}`,
  };
}

function received(res: IncomingMessage, body: Buffer): ReceivedResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers))
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  const response: ReceivedResponse = { status: res.statusCode ?? 0, headers, body };
  if (body.length > 0) {
    try {
      response.json = JSON.parse(body.toString('utf8')) as unknown;
    } catch {
      // not JSON: `json` stays absent, the raw bytes are still recorded
    }
  }
  return response;
}

/** How HTTPS is verified (node:https agent options: a CA to trust instead of the system's, or none). */
export interface TransportTls {
  ca?: string;
  rejectUnauthorized?: boolean;
}

/** node:http(s) with keep-alive agents; never rejects: failures come back as a TransportError. */
export function createTransport(tls: TransportTls = {}): Transport {
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true, ...tls }) };
  const send: Transport['send'] = (url, pathWithQuery, method, headers, body, timeoutMs) =>
    new Promise((resolve) => {
      let timedOut = false;
      let settled = false;
      const settle = (result: TransportResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const secure = url.protocol === 'https:';
      let req: ReturnType<typeof httpRequest>;
      try {
        req = (secure ? httpsRequest : httpRequest)({
          host: url.hostname,
          port: url.port === '' ? undefined : Number(url.port),
          method,
          path: pathWithQuery,
          headers,
          agent: secure ? agents.https : agents.http,
        });
      } catch (e) {
        // invalid header characters or path: node refuses before any byte is sent
        resolve({ transportError: classify(e as Error, false) });
        return;
      }
      const timer = setTimeout(() => {
        timedOut = true;
        req.destroy(new Error(`no complete response within ${timeoutMs} ms`));
      }, timeoutMs);
      req.on('error', (e) => settle({ transportError: classify(e, timedOut) }));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => settle({ response: received(res, Buffer.concat(chunks)) }));
        res.on('error', (e) => settle({ transportError: classify(e, timedOut) }));
      });
      req.end(body);
    });
  return {
    send,
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
