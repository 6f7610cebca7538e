import { fieldLimits, type FieldInfo } from '../specification';
import type { Keyword, MutationCase } from './ruleEntry';
import { manyDiscounts, manyPayments, prepare } from './mutation';
import { concrete, deleteAt, setAt } from './pointer';
import type { ResolvedConstraints } from './resolveConstraints';
import { isRequired, ruleOfField, typeRuleOf } from './schemaFacts';
import { fill } from './text';

/** Values of another JSON type than the field's (null is TYPE-NULL, generated apart). */
function wrongValues(field: FieldInfo, c: ResolvedConstraints): unknown[] {
  const min = fieldLimits(field.path).minimum ?? 0;
  // A fraction is the wrong type for an integer; it stays in range and within the risk cap.
  const fraction = field.path === '/risk_fund/amount' && min + 0.5 > c.riskFundCap ? [] : [min + 0.5];
  const byType: Record<string, unknown[]> = {
    string: [1, true, {}, ['x']],
    integer: ['1', true, ...fraction],
    boolean: ['true', 1],
    object: ['x', []],
    array: [{}, 'x'],
  };
  return byType[field.type] ?? [];
}

const describe = (value: unknown): string =>
  Array.isArray(value) ? 'array' : value === null ? 'null' : `${typeof value} ${JSON.stringify(value)}`;

/** Sets one field of a prepared copy to `value` (or deletes it). */
function at(path: string, value: unknown, remove = false): MutationCase['apply'] {
  return (base, c) => {
    const r = prepare(base, path, c);
    if (remove) deleteAt(r, concrete(path));
    else setAt(r, concrete(path), value);
    return r;
  };
}

/** The rule a field's keyword is bound to in openapi.yaml, or undefined when the field has no such keyword. */
export function ruleAt(field: FieldInfo, keyword: Keyword): string | undefined {
  const l = fieldLimits(field.path);
  if (keyword === 'type') return typeRuleOf(field.path);
  if (keyword === 'null') return 'TYPE-NULL';
  if (keyword === 'required') return isRequired(field.path) ? ruleOfField(field.path, 'required') : undefined;
  if (keyword === 'enum') return (l.enum?.length ?? 0) > 0 ? ruleOfField(field.path, 'enum') : undefined;
  return l[keyword] === undefined ? undefined : ruleOfField(field.path, keyword);
}

/**
 * The mutations openapi.yaml alone defines for a field's keyword: a wrong type, null, missing, one past each
 * limit. A pattern has none here (what breaks it is the rule's own: see OON-CHARSET).
 */
export function schemaMutations(field: FieldInfo, keyword: Keyword, c: ResolvedConstraints): MutationCase[] {
  const { path } = field;
  const p = concrete(path);
  const l = fieldLimits(path);
  const one = (what: string, value: unknown, remove = false): MutationCase => ({
    what: `${p} ${what}`,
    pointer: p,
    apply: at(path, value, remove),
  });
  switch (keyword) {
    case 'type':
      return wrongValues(field, c).map((v, i) => ({ ...one(`as ${describe(v)}`, v), listed: i === 0 }));
    case 'null':
      return [one('= null', null)];
    case 'required':
      return [one('missing', undefined, true)];
    case 'maxLength': {
      const max = l.maxLength!;
      return [one(`of ${max + 1} characters`, l.pattern !== undefined ? fill(max + 1, 'ascii') : fill(max + 1))];
    }
    case 'minLength':
      // An empty out_order_no also breaks its pattern (`+`), two rules at once: not generated.
      return (l.minLength ?? 0) > 0 && l.pattern === undefined ? [one('empty', '')] : [];
    case 'minimum':
      return [...new Set([l.minimum! - 1, Math.min(-1, l.minimum! - 1)])].map((v) => one(`= ${v}`, v));
    case 'maximum':
      return [one(`= ${l.maximum! + 1}`, l.maximum! + 1)];
    case 'enum':
      return [`${l.enum![0]!}_UNKNOWN`, l.enum![0]!.toLowerCase()].map((v) => one(`= ${v}`, v));
    case 'maxItems': {
      const n = l.maxItems! + 1;
      return [one(`of ${n} items`, path === '/post_payments' ? manyPayments(n) : manyDiscounts(n))];
    }
    case 'pattern':
      return [];
  }
}
