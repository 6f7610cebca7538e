// A structural diff of two normalised JSON values. Objects compare key by key; arrays of records are
// matched by their identity (a rule id, a pact's stage and description…) so an inserted row reads as one
// row added, not as every later row changed. A key or row only in AFTER is `added` (the schema may grow
// by adding); one only in BEFORE is `removed`; a different value is `changed`.
'use strict';

/** Identities tried in order; the first that every element has, and that is unique, matches rows. */
const IDENTITIES = [
  ['id'],
  ['stage', 'description'],
  ['file'],
  ['testTitle', 'ruleId'],
  ['ruleId'],
  ['rule'],
  ['scenario'],
  ['name'],
  ['field'],
];

const isRecord = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The identity of every element, or undefined when the array is not one of records with a unique key. */
function identities(array) {
  if (array.length === 0 || !array.every(isRecord)) return undefined;
  for (const fields of IDENTITIES) {
    if (!array.every((r) => fields.every((f) => typeof r[f] === 'string' || typeof r[f] === 'number'))) continue;
    const ids = array.map((r) => fields.map((f) => `${f}=${r[f]}`).join(','));
    if (new Set(ids).size === ids.length) return ids;
  }
  return undefined;
}

/** The differences between `before` and `after`, as {path, kind, before?, after?}. */
function jsonDiff(before, after, path = '', out = []) {
  if (JSON.stringify(before) === JSON.stringify(after)) return out;
  if (isRecord(before) && isRecord(after)) {
    for (const k of Object.keys(before)) {
      if (!(k in after)) out.push({ path: `${path}.${k}`, kind: 'removed', before: before[k] });
      else jsonDiff(before[k], after[k], `${path}.${k}`, out);
    }
    for (const k of Object.keys(after))
      if (!(k in before)) out.push({ path: `${path}.${k}`, kind: 'added', after: after[k] });
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const bIds = identities(before);
    const aIds = identities(after);
    if (bIds !== undefined && aIds !== undefined) {
      const afterById = new Map(aIds.map((id, i) => [id, after[i]]));
      const beforeById = new Map(bIds.map((id, i) => [id, before[i]]));
      bIds.forEach((id, i) => {
        if (!afterById.has(id)) out.push({ path: `${path}[${id}]`, kind: 'removed', before: before[i] });
        else jsonDiff(before[i], afterById.get(id), `${path}[${id}]`, out);
      });
      aIds.forEach((id, i) => {
        if (!beforeById.has(id)) out.push({ path: `${path}[${id}]`, kind: 'added row', after: after[i] });
      });
      const common = bIds.filter((id) => afterById.has(id));
      const commonAfter = aIds.filter((id) => beforeById.has(id));
      if (common.join('\n') !== commonAfter.join('\n'))
        out.push({ path, kind: 'changed', before: 'row order', after: 'another row order' });
      return out;
    }
    if (before.every(isRecord) && after.every(isRecord) && before.length === after.length) {
      before.forEach((b, i) => jsonDiff(b, after[i], `${path}[${i}]`, out));
      return out;
    }
  }
  out.push({ path, kind: 'changed', before, after });
  return out;
}

/** Whether a difference counts: only pure additions of a key or field do not. A new row does. */
const counts = (d) => d.kind !== 'added';

module.exports = { jsonDiff, counts, identities };
