import { requestFields, TYPE_PROPERTY_NAMES } from '../../specification';

// What popular server frameworks do to a JSON body before the handler sees it: the lenient binders
// of Java (Jackson), Go (encoding/json), PHP (Laravel) and others. Each is a body view one fault of
// mock/faults.ts installs; the validators and the store then see the bound body, not the one sent.

type Json = Record<string, unknown>;

/** The value at every instance of a field path ('/post_payments/*\/amount'), replaced by `f`. */
function mapPath(value: unknown, segments: readonly string[], f: (v: unknown) => unknown): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return f(value);
  if (head === '*') return Array.isArray(value) ? value.map((item) => mapPath(item, rest, f)) : value;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, head)) return value;
  return { ...(value as Json), [head]: mapPath((value as Json)[head], rest, f) };
}

/** `body` with `f` applied to every field of the given JSON Schema type. */
function mapFieldsOfType(body: Json, type: string, f: (v: unknown) => unknown): Json {
  return requestFields()
    .filter((field) => field.type === type)
    .reduce((b, field) => mapPath(b, field.path.split('/').slice(1), f) as Json, body);
}

/** `value` with `f` applied to every string in it, at any depth. */
function mapStrings(value: unknown, f: (s: string) => unknown): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
}

/** Jackson's ALLOW_COERCION_OF_SCALARS (on by default), PHP's juggling: "100" binds to an integer field as 100. */
export const coerceNumericStrings = (body: Json): Json =>
  mapFieldsOfType(body, 'integer', (v) => (typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v));

/** Jackson's ACCEPT_FLOAT_AS_INT (on by default), PHP's (int) cast: 100.5 binds to an integer field as 100. */
export const truncateFractions = (body: Json): Json =>
  mapFieldsOfType(body, 'integer', (v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.trunc(v) : v));

/** PHP's FILTER_VALIDATE_BOOLEAN, Jackson's coercion: "true", "1" and 1 bind to a boolean as true, "false", "0" and 0 as false. */
export const booleansFromScalars = (body: Json): Json =>
  mapFieldsOfType(body, 'boolean', (v) => {
    if (v === 'true' || v === '1' || v === 1) return true;
    if (v === 'false' || v === '0' || v === 0) return false;
    return v;
  });

const KNOWN = TYPE_PROPERTY_NAMES.CreateOrderRequest as readonly string[];
/** Go's encoding/json: a key that matches no field exactly binds to the field it matches case aside. */
export const caseInsensitiveKeys = (body: Json): Json => {
  const out: Json = { ...body };
  for (const [key, value] of Object.entries(body)) {
    const field = KNOWN.find((k) => k.toLowerCase() === key.toLowerCase());
    if (field !== undefined && field !== key && !Object.hasOwn(body, field)) out[field] = value;
  }
  return out;
};

/** Laravel's TrimStrings middleware (on by default): every string is trimmed. */
export const trimStrings = (body: Json): Json => mapStrings(body, (s) => s.trim()) as Json;

/** Laravel's ConvertEmptyStringsToNull middleware (on by default): every "" becomes null. */
export const emptyStringsToNull = (body: Json): Json => mapStrings(body, (s) => (s === '' ? null : s)) as Json;
