import { schemaMutations } from '../fieldMutations';
import { prepare } from '../mutation';
import type { ResolvedConstraints } from '../resolveConstraints';
import { outOrderNoAlphabet } from '../schemaFacts';
import { defineRules, type EdgeCase, type MutationCase } from '../ruleEntry';

const ALNUM = 'PSC0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PATTERN = ['OON-CHARSET'];

/** out_order_no at its maximum and at 1 character, alphanumeric and with each special character. */
function lengthEdges(c: ResolvedConstraints): EdgeCase[] {
  const max = c.limits.outOrderNoMaxLength;
  const { specials } = outOrderNoAlphabet();
  const alnum = ALNUM.slice(0, max);
  // Every fourth character is the special one, the rest stays alphanumeric (room for withUniqueOutOrderNo).
  const spread = (chars: string[]) =>
    [...alnum].map((ch, i) => (i % 4 === 3 ? chars[Math.floor(i / 4) % chars.length]! : ch)).join('');
  const text = (name: string, value: string, also?: string[]): EdgeCase => ({
    name,
    stage: 'text',
    ...(also ? { also } : {}),
    build: (r) => ({ ...r, out_order_no: value }),
  });
  return [
    { ...text(`out_order_no of ${max} alphanumeric characters`, alnum), maxString: true },
    ...specials.map((s) => text(`out_order_no of ${max} characters with "${s}"`, spread([s]), PATTERN)),
    text(`out_order_no of ${max} characters with all of ${specials.join(' ')}`, spread(specials), PATTERN),
    text('out_order_no of 1 alphanumeric character', 'A'),
    ...specials.map((s) => text(`out_order_no of 1 character "${s}"`, s, PATTERN)),
  ];
}

/** The pattern broken by one character it does not allow, at the start of out_order_no. */
function forbiddenCharacters(): MutationCase[] {
  const forbidden = [' ', '#', '.', '/', '中', '😀'].filter((ch) => !outOrderNoAlphabet().allowed.includes(ch));
  return forbidden.map((ch) => ({
    what: `/out_order_no with ${JSON.stringify(ch)}`,
    pointer: '/out_order_no',
    apply: (base, c) => {
      const r = prepare(base, '/out_order_no', c);
      r.out_order_no = ch + [...r.out_order_no].slice(1).join('');
      return r;
    },
  }));
}

/** The merchant's order number: its length and its characters. */
export const OUT_ORDER_NO_RULES = defineRules('outOrderNo', {
  'OON-LENGTH': { fieldMutations: schemaMutations, edges: lengthEdges },
  'OON-CHARSET': { fieldMutations: (_field, keyword) => (keyword === 'pattern' ? forbiddenCharacters() : []) },
});
