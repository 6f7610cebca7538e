import type { Socket } from 'node:net';

// The load generator's HTTP/1.1 reader: raw keep-alive sockets cost far less CPU than http.request,
// so the benchmark measures the server, not its client.

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Reads keep-alive HTTP/1.1 responses with Content-Length from a socket, one at a time, in order. */
export function responseReader(socket: Socket): () => Promise<RawResponse> {
  let buffered: Buffer = Buffer.alloc(0);
  let waiting: ((r: RawResponse) => void) | undefined;
  const tryParse = (): void => {
    if (waiting === undefined) return;
    const end = buffered.indexOf('\r\n\r\n');
    if (end < 0) return;
    const lines = buffered.subarray(0, end).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    if (buffered.length < end + 4 + length) return;
    const body = buffered.subarray(end + 4, end + 4 + length);
    buffered = buffered.subarray(end + 4 + length);
    const resolve = waiting;
    waiting = undefined;
    resolve({ status: Number(lines[0]?.split(' ')[1]), headers, body });
  };
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    tryParse();
  });
  return () =>
    new Promise((resolve) => {
      waiting = resolve;
      tryParse();
    });
}
