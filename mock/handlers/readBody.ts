import type { IncomingMessage } from 'node:http';
import { BODY_LIMITS } from './bodyLimits';

export interface ReadBody {
  bytes: Buffer;
  /** More than BODY_LIMITS.hardCapBytes arrived: the body was not kept. */
  overHardCap: boolean;
}

/** Buffers the request body up to the hard cap; past it, stops reading and reports it. */
export function readBody(req: IncomingMessage): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: ReadBody): void => {
      if (!done) {
        done = true;
        resolve(result);
      }
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMITS.hardCapBytes) {
        req.pause();
        finish({ bytes: Buffer.alloc(0), overHardCap: true });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish({ bytes: Buffer.concat(chunks, size), overHardCap: false }));
    req.on('error', (error) => {
      if (!done) {
        done = true;
        reject(error);
      }
    });
  });
}
