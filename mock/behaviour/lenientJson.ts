/**
 * What a lenient parser (Jackson with ALLOW_COMMENTS and ALLOW_TRAILING_COMMA, JSON5 readers) makes
 * of a body before it parses: comments, then trailing commas, outside strings are dropped. Only the
 * fault lenient-json-syntax uses it: a strict parser refuses both (BODY-NOT-JSON).
 */
export function lenientJson(bytes: Buffer): Buffer {
  const withoutComments = outsideStrings(bytes.toString('utf8'), (text, i) => {
    if (text.startsWith('//', i)) return lineEnd(text, i);
    if (text.startsWith('/*', i)) return text.indexOf('*/', i + 2) < 0 ? text.length : text.indexOf('*/', i + 2) + 2;
    return i;
  });
  const closerAhead = /\s*[\]}]/y;
  const withoutTrailingCommas = outsideStrings(withoutComments, (text, i) => {
    closerAhead.lastIndex = i + 1;
    return text[i] === ',' && closerAhead.test(text) ? i + 1 : i;
  });
  return Buffer.from(withoutTrailingCommas, 'utf8');
}

/** `text` with the spans `skip` names (from i to the index it returns) dropped, string literals kept whole. */
function outsideStrings(text: string, skip: (text: string, i: number) => number): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    if (text[i] === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    const next = skip(text, i);
    if (next > i) i = next;
    else out += text[i++];
  }
  return out;
}

const lineEnd = (text: string, i: number): number => (text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i));

/** The index just past the string literal starting at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}
