import { escapeSegment } from '../../spec';
import { BODY_LIMITS } from './bodyLimits';
import { codeOfRule, errorAnswer, ruleAnswer, violationAnswer, type Answer } from './answer';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The deepest nesting of arrays/objects in JSON text (strings skipped); stops past `limit`. */
function depthOf(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
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
 * Bytes → a JSON object, in the order of CHECK-ORDER: size, UTF-8 and depth (BODY-LIMITS), JSON
 * (BODY-NOT-JSON), object (BODY-NOT-OBJECT), exact integers (NUM-SAFE-INTEGER). JSON.parse defines `__proto__` as a plain own key,
 * so no prototype is touched.
 */
export function parseJsonBody(bytes: Buffer): ParsedBody {
  if (bytes.length > BODY_LIMITS.maxBytes) {
    return { ok: false, answer: ruleAnswer('BODY-LIMITS', `the body is ${bytes.length} bytes, over ${BODY_LIMITS.maxBytes}`) };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, answer: ruleAnswer('BODY-LIMITS', 'the body is not valid UTF-8') };
  }
  if (depthOf(text, BODY_LIMITS.maxDepth) > BODY_LIMITS.maxDepth) {
    return { ok: false, answer: ruleAnswer('BODY-LIMITS', `the body nests deeper than ${BODY_LIMITS.maxDepth} levels`) };
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
    return { ok: false, answer: violationAnswer({ ruleId: 'BODY-NOT-OBJECT', pointer: '', message }, value, true) };
  }
  const unsafe = unsafeIntegerAt(value, '');
  if (unsafe !== undefined) {
    const message = `${unsafe} is an integer beyond ±${Number.MAX_SAFE_INTEGER}, which cannot be read and echoed exactly`;
    // No detail.value: it would show the changed number.
    return { ok: false, answer: errorAnswer(codeOfRule('NUM-SAFE-INTEGER'), `${message} (NUM-SAFE-INTEGER)`, { field: unsafe, issue: message, location: 'body' }) };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
