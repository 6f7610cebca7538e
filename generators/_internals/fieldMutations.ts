import { fieldLimits, type FieldInfo } from '../../spec';
import { manyDiscounts, manyPayments, mutation, prepare, type Mutation } from './mutation';
import { concrete, deleteAt, setAt } from './pointer';
import type { ResolvedConstraints } from './resolveConstraints';
import { fields, isRequired, outOrderNoAlphabet, ruleOfField, typeRuleOf } from './schemaFacts';
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
function at(path: string, value: unknown, remove = false): Mutation['apply'] {
  return (base, c) => {
    const r = prepare(base, path, c);
    if (remove) deleteAt(r, concrete(path));
    else setAt(r, concrete(path), value);
    return r;
  };
}

function limitMutations(field: FieldInfo): Mutation[] {
  const { path } = field;
  const p = concrete(path);
  const l = fieldLimits(path);
  const out: Mutation[] = [];
  if (l.maxLength !== undefined) {
    const value = l.pattern !== undefined ? fill(l.maxLength + 1, 'ascii') : fill(l.maxLength + 1);
    out.push(
      mutation(
        `${ruleOfField(path, 'maxLength')} ${p} of ${l.maxLength + 1} characters`,
        ruleOfField(path, 'maxLength'),
        p,
        at(path, value),
      ),
    );
  }
  // An empty out_order_no also breaks its pattern (`+`), two rules at once: not generated.
  if ((l.minLength ?? 0) > 0 && l.pattern === undefined)
    out.push(mutation(`${ruleOfField(path, 'minLength')} ${p} empty`, ruleOfField(path, 'minLength'), p, at(path, '')));
  if (l.minimum !== undefined) {
    for (const v of new Set([l.minimum - 1, Math.min(-1, l.minimum - 1)]))
      out.push(mutation(`${ruleOfField(path, 'minimum')} ${p} = ${v}`, ruleOfField(path, 'minimum'), p, at(path, v)));
  }
  if (l.maximum !== undefined)
    out.push(
      mutation(
        `${ruleOfField(path, 'maximum')} ${p} = ${l.maximum + 1}`,
        ruleOfField(path, 'maximum'),
        p,
        at(path, l.maximum + 1),
      ),
    );
  if (l.enum !== undefined && l.enum.length > 0) {
    const first = l.enum[0]!;
    for (const v of [`${first}_UNKNOWN`, first.toLowerCase()])
      out.push(mutation(`${ruleOfField(path, 'enum')} ${p} = ${v}`, ruleOfField(path, 'enum'), p, at(path, v)));
  }
  if (l.maxItems !== undefined) {
    const items = path === '/post_payments' ? manyPayments(l.maxItems + 1) : manyDiscounts(l.maxItems + 1);
    out.push(
      mutation(
        `${ruleOfField(path, 'maxItems')} ${p} of ${l.maxItems + 1} items`,
        ruleOfField(path, 'maxItems'),
        p,
        at(path, items),
      ),
    );
  }
  // start_time / end_time patterns: a string that breaks them is also reported as TIME-CALENDAR
  // by checkBusinessRules (spec issue, see NOT_GENERATABLE); only out_order_no's pattern is broken here.
  if (l.pattern !== undefined && path === '/out_order_no') {
    const forbidden = [' ', '#', '.', '/', '中', '😀'].filter((ch) => !outOrderNoAlphabet().allowed.includes(ch));
    for (const ch of forbidden) {
      out.push(
        mutation(
          `${ruleOfField(path, 'pattern')} ${p} with ${JSON.stringify(ch)}`,
          ruleOfField(path, 'pattern'),
          p,
          (base, c) => {
            const r = prepare(base, path, c);
            r.out_order_no = ch + [...r.out_order_no].slice(1).join('');
            return r;
          },
        ),
      );
    }
  }
  return out;
}

/** For every field of the request: wrong type, null, missing (if required) and one past each limit. */
export function fieldMutations(c: ResolvedConstraints): Mutation[] {
  return fields().flatMap((field) => {
    const p = concrete(field.path);
    const types = wrongValues(field, c).map((v, i) =>
      mutation(
        `${typeRuleOf(field.path)} ${p} as ${describe(v)}`,
        typeRuleOf(field.path),
        p,
        at(field.path, v),
        i === 0,
      ),
    );
    const nulls = [mutation(`TYPE-NULL ${p} = null`, 'TYPE-NULL', p, at(field.path, null))];
    const missing = isRequired(field.path)
      ? [
          mutation(
            `${ruleOfField(field.path, 'required')} ${p} missing`,
            ruleOfField(field.path, 'required'),
            p,
            at(field.path, undefined, true),
          ),
        ]
      : [];
    return [...types, ...nulls, ...missing, ...limitMutations(field)];
  });
}
