import { edgeOf, type Edge, type EdgeEntry } from './edge';
import type { ResolvedConstraints } from './resolveConstraints';
import { outOrderNoAlphabet, ruleOfField } from './schemaFacts';

const ALNUM = 'PSC0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LENGTH = ruleOfField('/out_order_no');
const PATTERN = ruleOfField('/out_order_no', 'pattern');

/** out_order_no at its maximum and at 1 character, alphanumeric and with each special character. */
export function outOrderNoEdges(c: ResolvedConstraints): Edge[] {
  const max = c.limits.outOrderNoMaxLength;
  const { specials } = outOrderNoAlphabet();
  const alnum = ALNUM.slice(0, max);
  // Every fourth character is the special one, the rest stays alphanumeric (room for withUniqueOutOrderNo).
  const spread = (chars: string[]) =>
    [...alnum].map((ch, i) => (i % 4 === 3 ? chars[Math.floor(i / 4) % chars.length]! : ch)).join('');
  const entries: EdgeEntry[] = [
    {
      name: `out_order_no of ${max} alphanumeric characters`,
      rules: [LENGTH],
      maxString: true,
      build: (r) => ({ ...r, out_order_no: alnum }),
    },
    ...specials.map((s): EdgeEntry => ({
      name: `out_order_no of ${max} characters with "${s}"`,
      rules: [LENGTH, PATTERN],
      build: (r) => ({ ...r, out_order_no: spread([s]) }),
    })),
    {
      name: `out_order_no of ${max} characters with all of ${specials.join(' ')}`,
      rules: [LENGTH, PATTERN],
      build: (r) => ({ ...r, out_order_no: spread(specials) }),
    },
    {
      name: 'out_order_no of 1 alphanumeric character',
      rules: [LENGTH],
      build: (r) => ({ ...r, out_order_no: 'A' }),
    },
    ...specials.map((s): EdgeEntry => ({
      name: `out_order_no of 1 character "${s}"`,
      rules: [LENGTH, PATTERN],
      build: (r) => ({ ...r, out_order_no: s }),
    })),
  ];
  return entries.map(edgeOf);
}
