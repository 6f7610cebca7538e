// The request body: read up to the hard cap, then parsed into a JSON object within BODY-LIMITS.
import type { IncomingMessage } from 'node:http';
import { escapeSegment } from '../../specification';
import { codeOfRule, errorAnswer, ruleAnswer, violationAnswer, type Answer } from './answer';

// BODY-LIMITS (openapi.yaml x-rules, DECISION): the only place these numbers are written.
export const BODY_LIMITS = {
  /** Bodies over this many bytes are 400 INVALID_REQUEST. */
  maxBytes: 1024 * 1024,
  /** JSON nested deeper than this is 400 INVALID_REQUEST. */
  maxDepth: 64,
  /**
   * BODY-COST-BOUND: a body with more JSON values (array items, object members, counted before it
   * is parsed) is 400 INVALID_REQUEST. A full valid create has under a thousand; the limit keeps
   * parsing, validating and canonicalising any body within a few milliseconds.
   */
  maxValues: 5_000,
  /**
   * Beyond this the mock stops buffering and answers before authenticating (the signature
   * covers the whole body, and the mock will not hold more): the one exception to CHECK-ORDER.
   */
  hardCapBytes: 8 * 1024 * 1024,
} as const;

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

const utf8 = new TextDecoder('utf-8', { fatal: true });

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The deepest nesting of arrays/objects in JSON text and its number of values (array items and
 * object members: the first in a container, then one per comma), strings skipped; stops as soon as
 * either is past its limit.
 */
function shapeOf(text: string, limits: { depth: number; values: number }): { depth: number; values: number } {
  let depth = 0;
  let max = 0;
  let values = 0;
  let inString = false;
  let opened = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (isSpace(c)) continue;
    // The first value of a container has no comma before it.
    if (opened && c !== 0x5d && c !== 0x7d) values++;
    opened = false;
    if (c === 0x22) inString = true;
    else if (c === 0x2c) values++;
    else if (c === 0x5b || c === 0x7b) {
      opened = true;
      if (++depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
    if (max > limits.depth || values > limits.values) break;
  }
  return { depth: max, values };
}

/**
 * The pointer of the first number that float64 cannot hold exactly as the integer it reads as
 * (NUM-SAFE-INTEGER), or undefined. The walk is bounded: depth is checked before, and the body is
 * at most BODY_LIMITS.maxBytes.
 */
function unsafeIntegerAt(value: unknown, pointer: string): string | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value) ? pointer : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsafeIntegerAt(value[i], `${pointer}/${i}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const found = unsafeIntegerAt((value as Record<string, unknown>)[key], `${pointer}/${escapeSegment(key)}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

export type ParsedBody = { ok: true; value: Record<string, unknown> } | { ok: false; answer: Answer };

/**
 * Bytes → a JSON object, in the order of CHECK-ORDER: size, UTF-8 and depth (BODY-LIMITS), value
 * count (BODY-COST-BOUND), JSON
 * (BODY-NOT-JSON), object (BODY-NOT-OBJECT), exact integers (NUM-SAFE-INTEGER). JSON.parse defines `__proto__` as a plain own key,
 * so no prototype is touched.
 */
export function parseJsonBody(bytes: Buffer): ParsedBody {
  if (bytes.length > BODY_LIMITS.maxBytes) {
    return {
      ok: false,
      answer: ruleAnswer('BODY-LIMITS', `the body is ${bytes.length} bytes, over ${BODY_LIMITS.maxBytes}`),
    };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, answer: ruleAnswer('BODY-LIMITS', 'the body is not valid UTF-8') };
  }
  const shape = shapeOf(text, { depth: BODY_LIMITS.maxDepth, values: BODY_LIMITS.maxValues });
  if (shape.depth > BODY_LIMITS.maxDepth) {
    return {
      ok: false,
      answer: ruleAnswer('BODY-LIMITS', `the body nests deeper than ${BODY_LIMITS.maxDepth} levels`),
    };
  }
  if (shape.values > BODY_LIMITS.maxValues) {
    return {
      ok: false,
      answer: ruleAnswer(
        'BODY-COST-BOUND',
        `the body holds more than ${BODY_LIMITS.maxValues} JSON values (array items and object members)`,
      ),
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, answer: ruleAnswer('BODY-NOT-JSON', `the body is not JSON: ${(error as Error).message}`) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    // PARAM_ERROR always names its field (ERR-DETAIL-FIELD): here the whole body, pointer ''.
    const message = `the body is JSON ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}, not an object`;
    return { ok: false, answer: violationAnswer({ ruleId: 'BODY-NOT-OBJECT', pointer: '', message }, value) };
  }
  const unsafe = unsafeIntegerAt(value, '');
  if (unsafe !== undefined) {
    const message = `${unsafe} is an integer beyond ±${Number.MAX_SAFE_INTEGER}, which cannot be read and echoed exactly`;
    // No detail.value: it would show the changed number.
    return {
      ok: false,
      answer: errorAnswer(codeOfRule('NUM-SAFE-INTEGER'), `${message} (NUM-SAFE-INTEGER)`, {
        field: unsafe,
        issue: message,
        location: 'body',
      }),
    };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
