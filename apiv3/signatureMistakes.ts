// The ways a signature commonly goes wrong, one entry each: the message a caller (or a server) may really have
// signed instead of the one APIv3 defines. Diagnosis tries each entry's candidates against the signature; the
// first that verifies names the mistake. Sources: facts §5, and the SIGN_ERROR threads of the SDKs' trackers
// (re-serialised bodies, PHP's escaped JSON, the full URL signed, line ends, `time()` read twice).
import { WECHAT_API_HOSTS } from './messages';

/** What was signed over, as received: a request when `method` is present, else an answer or a callback. */
export interface SignedParts {
  method?: string;
  /** The path and query the request was sent to. */
  pathWithQuery?: string;
  /** The Host header the request carried, if any. */
  host?: string;
  timestamp: string;
  nonce: string;
  body: Buffer;
}

/** One message to try: the parts, joined by `lineEnd` ("\n"), with or without the final line end. */
export interface Candidate {
  parts: SignedParts;
  lineEnd?: string;
  finalLineEnd?: boolean;
}

export interface SignatureMistake {
  id: string;
  /** What the signer did, in a sentence for the developer. */
  says: string;
  /** Requests only, or every signed message. */
  appliesTo: 'request' | 'any';
  candidates(p: SignedParts): Candidate[];
}

function parsedBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const withBody = (p: SignedParts, text: string): Candidate => ({ parts: { ...p, body: Buffer.from(text, 'utf8') } });

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortedKeys(v)]));
}

/** PHP's json_encode default: every non-ASCII character as \uXXXX, and "/" as "\/". */
const phpEscaped = (json: string): string =>
  json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\//g, '\\/');

const phpUnescaped = (json: string): string =>
  json
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\\//g, '/');

export const SIGNATURE_MISTAKES: readonly SignatureMistake[] = [
  {
    id: 'body-whitespace',
    says: 'the body sent and the body signed differ by white space at the end (a trailing newline added or dropped by the HTTP library); sign the exact bytes you send',
    appliesTo: 'any',
    candidates: (p) => {
      const text = p.body.toString('utf8');
      return [text.trimEnd(), `${text}\n`, `${text}\r\n`].filter((f) => f !== text).map((f) => withBody(p, f));
    },
  },
  {
    id: 'json-escaped-unicode',
    says: 'the signed body escapes non-ASCII characters and "/" (\\uXXXX, \\/: PHP json_encode without JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) while the body sent does not, or the reverse; sign the exact bytes you send',
    appliesTo: 'any',
    // Only the escapes toggled, the rest of the text as sent: a re-serialisation is the next entry's.
    candidates: (p) => {
      const text = p.body.toString('utf8');
      return [phpEscaped(text), phpUnescaped(text)].filter((f) => f !== text).map((f) => withBody(p, f));
    },
  },
  {
    id: 'body-reserialised',
    says: 'the body was serialised again after signing: the signature is over the same JSON written otherwise (compact, indented or with sorted keys), not over the bytes sent; sign the exact bytes you send',
    appliesTo: 'any',
    candidates: (p) => {
      const value = parsedBody(p.body);
      if (value === undefined) return [];
      const forms = [JSON.stringify(value), JSON.stringify(value, null, 2), JSON.stringify(value, null, 4)];
      forms.push(JSON.stringify(sortedKeys(value)));
      return forms.filter((f) => f !== p.body.toString('utf8')).map((f) => withBody(p, f));
    },
  },
  {
    id: 'body-not-signed',
    says: 'the body was left out of the signed message (signed as if empty, or as "{}" where nothing was sent); the BODY line holds the exact bytes sent, empty only when nothing is sent',
    appliesTo: 'request',
    candidates: (p) => (p.body.length === 0 ? [withBody(p, '{}'), withBody(p, 'null')] : [withBody(p, '')]),
  },
  {
    id: 'final-newline-missing',
    says: 'the signed message lacks the final "\\n": every line, the BODY line too, ends with "\\n"',
    appliesTo: 'any',
    candidates: (p) => [{ parts: p, finalLineEnd: false }],
  },
  {
    id: 'crlf-line-ends',
    says: 'the signed message ends its lines with "\\r\\n" (CRLF, often from a Windows editor or a here-document); APIv3 joins lines with "\\n" only',
    appliesTo: 'any',
    candidates: (p) => [
      { parts: p, lineEnd: '\r\n' },
      { parts: p, lineEnd: '\r\n', finalLineEnd: false },
    ],
  },
  {
    id: 'url-in-path',
    says: 'the full URL (scheme and host) was signed instead of the path: the second line is the absolute path with its query, e.g. /v3/payscore/acquiringbank/serviceorder',
    appliesTo: 'request',
    candidates: (p) => {
      const hosts = [...new Set([p.host, ...WECHAT_API_HOSTS].filter((h): h is string => h !== undefined && h !== ''))];
      return hosts.flatMap((h) =>
        [`https://${h}`, `http://${h}`, h].map((prefix) => ({
          parts: { ...p, pathWithQuery: `${prefix}${p.pathWithQuery ?? ''}` },
        })),
      );
    },
  },
  {
    id: 'query-not-signed',
    says: 'the path was signed without its query string: the second line is the path and query exactly as sent',
    appliesTo: 'request',
    candidates: (p) => {
      const [path, query] = (p.pathWithQuery ?? '').split('?');
      return query === undefined ? [] : [{ parts: { ...p, pathWithQuery: path ?? '' } }];
    },
  },
  {
    id: 'method-lower-case',
    says: 'the method was signed in lower case ("post"); the first line is the HTTP method in upper case',
    appliesTo: 'request',
    candidates: (p) => [{ parts: { ...p, method: (p.method ?? '').toLowerCase() } }],
  },
  {
    id: 'timestamp-read-twice',
    says: 'the clock was read twice: the signed message carries another timestamp than the Authorization header (a second apart); read it once and use that value in both',
    appliesTo: 'any',
    candidates: (p) => [-2, -1, 1, 2].map((d) => ({ parts: { ...p, timestamp: String(Number(p.timestamp) + d) } })),
  },
];
