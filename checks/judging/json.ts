import type { Exchange } from '../../client';
import type { CheckContext } from '../types';

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** Strict JSON equality: same types, same array order, strings compared code unit by code unit (no normalisation). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  const oa = asObject(a);
  const ob = asObject(b);
  if (oa === undefined || ob === undefined) return false;
  const keys = Object.keys(oa);
  return keys.length === Object.keys(ob).length && keys.every((k) => Object.hasOwn(ob, k) && deepEqual(oa[k], ob[k]));
}

/** A value for a message: JSON, shortened. */
export function show(value: unknown, max = 200): string {
  const text = value === undefined ? 'absent' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * What the target actually received, parsed: the wire bytes are the truth (serialisation can drop
 * `undefined` or change a value); ctx.sentBody only when the bytes are not JSON.
 */
export function sentJson(exchange: Exchange, ctx: CheckContext): Parsed {
  const wire = parseJsonBytes(exchange.request.body);
  return wire.ok || ctx.sentBody === undefined ? wire : { ok: true, value: ctx.sentBody };
}

export type Parsed = { ok: true; value: unknown } | { ok: false };

/** JSON.parse over UTF-8 bytes, as data. */
export function parseJsonBytes(bytes: Buffer): Parsed {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A request header by name, any case. */
export function requestHeader(exchange: Exchange, name: string): string | undefined {
  const key = Object.keys(exchange.request.headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : exchange.request.headers[key];
}

/** The JSON object of a 200 answer, or undefined. */
export function okBody(exchange: Exchange): JsonObject | undefined {
  return exchange.response?.status === 200 ? asObject(exchange.response.json) : undefined;
}
