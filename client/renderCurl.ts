import { createHash } from 'node:crypto';
import type { SentRequest } from './exchange';

/** A curl line inlines a body up to this many bytes; a larger one is read from a file (`--data-binary @file`). */
export const CURL_INLINE_BODY_LIMIT = 4096;

export interface CurlOptions {
  /** Where a body over CURL_INLINE_BODY_LIMIT is (or will be) written; default a name derived from its SHA-256. */
  bodyFile?: string;
  /** How the request's HTTPS was verified: curl then trusts the same CA file, or verifies nothing. */
  tls?: { caFile?: string; insecure?: boolean };
}

/** The file name a large body gets when the caller names none. */
export const defaultBodyFile = (body: Buffer): string =>
  `body-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.bin`;

/** POSIX single quotes: only `'` needs care. */
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

const hex = (b: number): string => `\\x${b.toString(16).padStart(2, '0')}`;

/** True when the bytes are valid UTF-8 (TextDecoder with fatal throws otherwise). */
function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Escapes for bash `$'…'` and printf formats: printable UTF-8 stays literal (Chinese, emoji), other bytes become \xHH. */
function escapeBytes(bytes: Buffer, special: Record<string, string>): string {
  let out = '';
  const text = isUtf8(bytes) ? bytes.toString('utf8') : undefined;
  if (text !== undefined) {
    for (const ch of text) {
      const code = ch.codePointAt(0) ?? 0;
      out += special[ch] ?? (code < 0x20 || code === 0x7f ? hex(code) : ch);
    }
    return out;
  }
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    out += special[ch] ?? (b < 0x20 || b >= 0x7f ? hex(b) : ch);
  }
  return out;
}

/** The shell argument that yields exactly these body bytes, or a printf pipe when argv cannot carry them (NUL). */
function bodyArgument(body: Buffer): { arg: string; pipe?: string } {
  const plain = isUtf8(body) && !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(body.toString('utf8'));
  if (plain) return { arg: quote(body.toString('utf8')) };
  if (!body.includes(0)) return { arg: `$'${escapeBytes(body, { '\\': '\\\\', "'": "\\'" })}'` };
  return { arg: '@-', pipe: `printf '${escapeBytes(body, { '\\': '\\\\', '%': '%%', "'": "'\\''" })}'` };
}

// curl sends these on its own unless told otherwise; an empty `Name:` suppresses one.
const CURL_DEFAULTS = ['accept', 'user-agent'];
// curl computes these itself (Content-Length only when it sends data).
const COMPUTED = ['host', 'content-length'];

/**
 * A curl command that reproduces the request exactly as sent: method, URL, headers, body bytes. A body
 * over CURL_INLINE_BODY_LIMIT is sent from `options.bodyFile`, which the caller writes.
 */
export function renderCurl(request: SentRequest, options: CurlOptions = {}): string {
  const parts = ['curl', '-sS', '-i', '-g', '--path-as-is', '-X', quote(request.method), quote(request.url)];
  if (request.url.startsWith('https:') && options.tls?.caFile !== undefined)
    parts.push('--cacert', quote(options.tls.caFile));
  if (request.url.startsWith('https:') && options.tls?.insecure === true) parts.push('--insecure');
  const names = Object.keys(request.headers).map((n) => n.toLowerCase());
  const sendsBody = request.body.length > 0 || !['GET', 'HEAD'].includes(request.method.toUpperCase());
  for (const [name, value] of Object.entries(request.headers)) {
    if (COMPUTED.includes(name.toLowerCase()) && (sendsBody || name.toLowerCase() === 'host')) continue;
    parts.push('-H', quote(value === '' ? `${name};` : `${name}: ${value}`));
  }
  for (const name of CURL_DEFAULTS) if (!names.includes(name)) parts.push('-H', quote(`${name}:`));
  let pipe: string | undefined;
  if (sendsBody) {
    if (!names.includes('content-type')) parts.push('-H', quote('Content-Type:'));
    if (request.body.length > 1024) parts.push('-H', quote('Expect:'));
    if (request.body.length > CURL_INLINE_BODY_LIMIT) {
      parts.push('--data-binary', `@${quote(options.bodyFile ?? defaultBodyFile(request.body))}`);
    } else {
      const body = bodyArgument(request.body);
      parts.push('--data-binary', body.arg);
      pipe = body.pipe;
    }
  }
  const command = parts.join(' ');
  return pipe === undefined ? command : `${pipe} | ${command}`;
}
