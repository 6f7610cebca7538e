import type { Exchange } from '../../client';
import { escapeSegment } from '../../specification';
import type { CheckContext } from '../types';
import { ECHOED_FIELDS } from './echoFields';
import { asObject, deepEqual, okBody, sentJson, show, type JsonObject } from './json';

/**
 * RESP-ABSENT-FORM (DECISION, facts §9): an optional field with no value may be written absent,
 * null or empty. Jackson writes null by default, Go without omitempty writes "" and null, Go with
 * omitempty drops an empty value that was sent. No source says which, so every check reads those
 * forms as absent, and only the form itself is reported (informational on a foreign target).
 */
export interface AbsentForm {
  pointer: string;
  message: string;
}

/** null, "", [] and {} (or an object of such members only): what serialisers write for "no value". */
export function isEmptyForm(value: unknown): boolean {
  if (value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  const object = asObject(value);
  return object !== undefined && Object.values(object).every(isEmptyForm);
}

/** The 200 fields that are neither echoed nor required: their no-value forms read as absent. */
const UNECHOED_OPTIONAL = ['state_description', 'package', 'order_id'];
/** The optional members of an error body. */
const ERROR_OPTIONAL = ['detail'];

/**
 * `got` and `sent` with the members where both have no value taken out of both, recursively; a
 * member whose forms differ (not sent / null / "" / [] / dropped) is recorded.
 */
function pairwise(got: unknown, sent: unknown, pointer: string, forms: AbsentForm[]): [unknown, unknown] {
  if (Array.isArray(got) && Array.isArray(sent) && got.length === sent.length) {
    const pairs = got.map((g, i) => pairwise(g, sent[i], `${pointer}/${i}`, forms));
    return [pairs.map(([g]) => g), pairs.map(([, s]) => s)];
  }
  const g = asObject(got);
  const s = asObject(sent);
  if (g === undefined || s === undefined) return [got, sent];
  const outGot: JsonObject = {};
  const outSent: JsonObject = {};
  for (const key of new Set([...Object.keys(g), ...Object.keys(s)])) {
    const at = `${pointer}/${escapeSegment(key)}`;
    const [hasG, hasS] = [Object.hasOwn(g, key), Object.hasOwn(s, key)];
    if ((!hasG || isEmptyForm(g[key])) && (!hasS || isEmptyForm(s[key]))) {
      if (hasG !== hasS || !deepEqual(g[key], s[key]))
        forms.push({ pointer: at, message: `sent ${show(s[key])}, answered ${show(g[key])}` });
      continue;
    }
    if (!hasG) outSent[key] = s[key];
    else if (!hasS) outGot[key] = g[key];
    else [outGot[key], outSent[key]] = pairwise(g[key], s[key], at, forms);
  }
  return [outGot, outSent];
}

/** Top-level members of `body` among `names` written null or "": taken out, recorded. */
function dropNoValue(body: JsonObject, names: readonly string[], forms: AbsentForm[]): JsonObject {
  const out = { ...body };
  for (const name of names) {
    if (out[name] !== null && out[name] !== '') continue;
    forms.push({ pointer: `/${name}`, message: `${name} is written ${show(out[name])}; absent is the mock's form` });
    delete out[name];
  }
  return out;
}

/** A 200 body and the request it answers, both read with no-value forms as absent. */
export interface AbsentRead {
  body: JsonObject;
  /** The request's echoed fields, read the same way (undefined when the request is not a JSON object). */
  sent: JsonObject | undefined;
  forms: AbsentForm[];
}

/** Reads a 200 body (and its request, when known) with every no-value form as absent. */
export function readAbsent(body: JsonObject, sentBody: unknown): AbsentRead {
  const forms: AbsentForm[] = [];
  const request = asObject(sentBody);
  const echoed = (o: JsonObject) => Object.fromEntries(Object.entries(o).filter(([k]) => ECHOED_FIELDS.includes(k)));
  const others = Object.fromEntries(Object.entries(body).filter(([k]) => !ECHOED_FIELDS.includes(k)));
  const [got, sent] = pairwise(echoed(body), request === undefined ? {} : echoed(request), '', forms);
  const rest = dropNoValue(others, UNECHOED_OPTIONAL, forms);
  // Without the request only null is surely no value: "" may have been sent.
  const gotEcho = request === undefined ? withoutNulls(echoed(body), forms) : (got as JsonObject);
  return { body: { ...rest, ...gotEcho }, sent: request === undefined ? undefined : (sent as JsonObject), forms };
}

function withoutNulls(body: JsonObject, forms: AbsentForm[]): JsonObject {
  return dropNoValue(
    body,
    Object.keys(body).filter((k) => body[k] === null),
    forms,
  );
}

/** An error body with its optional members written null read as absent (detail, detail's members). */
export function readAbsentError(body: JsonObject): { body: JsonObject; forms: AbsentForm[] } {
  const forms: AbsentForm[] = [];
  const out = dropNoValue(
    body,
    ERROR_OPTIONAL.filter((k) => body[k] === null),
    forms,
  );
  const detail = asObject(out['detail']);
  if (detail !== undefined) {
    const nulls = Object.keys(detail).filter((k) => detail[k] === null && k !== 'value');
    const kept = dropNoValue(detail, nulls, []);
    nulls.forEach((k) =>
      forms.push({ pointer: `/detail/${escapeSegment(k)}`, message: `detail.${k} is written null` }),
    );
    out['detail'] = kept;
  }
  return { body: out, forms };
}

/** The 200 body of an exchange read with no-value forms as absent, or undefined when it is no 200 object. */
export function answeredBody(exchange: Exchange, ctx?: CheckContext): AbsentRead | undefined {
  const body = okBody(exchange);
  if (body === undefined) return undefined;
  const sent = ctx === undefined ? undefined : sentJson(exchange, ctx);
  return readAbsent(body, sent?.ok === true ? sent.value : undefined);
}
