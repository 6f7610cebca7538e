import { escapeSegment } from '../../specification';
import { asObject, deepEqual, show } from './json';

/** Differences between a sent value and its echo: RESP-ECHO mismatches and RESP-ECHO-EXACT extras. */
export interface EchoDiff {
  /** A sent value is missing or differs (RESP-ECHO). */
  mismatches: Array<{ pointer: string; message: string }>;
  /** The echo adds what was not sent: a default filled in, a null (RESP-ECHO-EXACT). */
  extras: Array<{ pointer: string; message: string }>;
}

/** Compares `got` with `sent`; every sent value must come back exactly, additions are extras. */
export function echoDiff(sent: unknown, got: unknown, pointer: string, diff: EchoDiff): EchoDiff {
  const sentObject = asObject(sent);
  const gotObject = asObject(got);
  if (sentObject !== undefined && gotObject !== undefined) {
    for (const [key, value] of Object.entries(sentObject)) {
      const at = `${pointer}/${escapeSegment(key)}`;
      if (!Object.hasOwn(gotObject, key))
        diff.mismatches.push({ pointer: at, message: `sent ${show(value)}, not echoed` });
      else echoDiff(value, gotObject[key], at, diff);
    }
    for (const [key, value] of Object.entries(gotObject)) {
      if (!Object.hasOwn(sentObject, key))
        diff.extras.push({
          pointer: `${pointer}/${escapeSegment(key)}`,
          message: `not sent, echoed as ${show(value)}`,
        });
    }
    return diff;
  }
  if (Array.isArray(sent) && Array.isArray(got) && sent.length === got.length) {
    sent.forEach((item, i) => echoDiff(item, got[i], `${pointer}/${i}`, diff));
    return diff;
  }
  if (!deepEqual(sent, got)) diff.mismatches.push({ pointer, message: `sent ${show(sent)}, echoed ${show(got)}` });
  return diff;
}
