import { connect } from 'node:net';
import { verifyResponseSignature, type SignatureVerification } from '../../apiv3';
import type { PlatformKey } from '../config';

export interface RawAnswer {
  /** 0 when the connection closed without a status line. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body as JSON, or undefined when it is not JSON. */
  json: Record<string, unknown> | undefined;
  signature: SignatureVerification;
  /** The bytes received, as latin1 text. */
  text: string;
}

export interface RawExchangeOptions {
  /** Send the bytes this many at a time, `delayMs` apart (slow senders). */
  chunkBytes?: number;
  delayMs?: number;
  /** Give up after this many ms (default 15 000). */
  timeoutMs?: number;
}

/** Parses one HTTP/1.1 answer from raw bytes; test support. */
export function parseRawAnswer(text: string, platformKeys: readonly PlatformKey[]): RawAnswer {
  const end = text.indexOf('\r\n\r\n');
  const lines = (end < 0 ? text : text.slice(0, end)).split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1];
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const bodyBytes =
    end < 0
      ? Buffer.alloc(0)
      : Buffer.from(text.slice(end + 4), 'latin1').subarray(0, Number(headers['content-length'] ?? Infinity));
  const body = bodyBytes.toString('utf8');
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(body) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  const signature = verifyResponseSignature({
    headers,
    body: bodyBytes,
    now: Math.floor(Date.now() / 1000),
    platformKey: (serial) => platformKeys.find((k) => k.serial === serial)?.publicKey,
  });
  return { status: status === undefined ? 0 : Number(status), headers, body, json, signature, text };
}

/**
 * Writes raw bytes to the mock and reads until the server closes the connection (or the timeout);
 * for requests a normal client cannot send. Test support.
 */
export function rawExchange(
  url: string,
  bytes: Buffer | string,
  platformKeys: readonly PlatformKey[],
  options: RawExchangeOptions = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'latin1');
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    const done = (): void => {
      clearTimeout(timer);
      resolve(parseRawAnswer(Buffer.concat(chunks).toString('latin1'), platformKeys));
    };
    const giveUp = setTimeout(() => socket.destroy(), options.timeoutMs ?? 15_000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(giveUp);
      done();
    });
    const step = options.chunkBytes ?? data.length;
    let offset = 0;
    const writeNext = (): void => {
      if (socket.destroyed || offset >= data.length) return;
      socket.write(data.subarray(offset, offset + step));
      offset += step;
      timer = setTimeout(writeNext, options.delayMs ?? 0);
    };
    socket.once('connect', writeNext);
  });
}
