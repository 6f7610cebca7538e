/** Non-ASCII as \uXXXX escapes (UTF-16 code units), as Python's json.dumps writes by default. */
const asciiEscaped = (json: string): string =>
  json.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Keys in reverse order, at every depth. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

/**
 * The same JSON value as other real clients write it on the wire: each is signed over its exact
 * bytes, so a target that re-serialises before verifying, or that reads only one form, is caught.
 */
export const WIRE_FORMS: ReadonlyArray<[name: string, write: (value: unknown) => string]> = [
  [
    'Python json.dumps defaults: \\uXXXX escapes, ", " and ": " separators',
    (v) => asciiEscaped(JSON.stringify(v)).replace(/","/g, '", "').replace(/":/g, '": '),
  ],
  ['\\uXXXX escapes, compact', (v) => asciiEscaped(JSON.stringify(v))],
  ['keys in reverse order at every depth', (v) => JSON.stringify(reversedKeys(v))],
  ['indented with two spaces and a final newline', (v) => `${JSON.stringify(v, null, 2)}\n`],
];
