import { arrayEdges } from './arrayEdges';
import { countEdges } from './countEdges';
import { edgeOf, type Edge, type EdgeEntry } from './edge';
import { outOrderNoEdges } from './outOrderNoEdges';
import type { ResolvedConstraints } from './resolveConstraints';
import { ruleOfField } from './schemaFacts';
import { textEdges } from './textEdges';
import { timeEdges } from './timeEdges';

/** notify_url padded to its maximum with a query parameter, when the profile's URL leaves room. */
function notifyEdge(c: ResolvedConstraints): Edge[] {
  const max = c.limits.notifyUrlMaxLength;
  const url = c.notifyUrl;
  const joiner = url.includes('?') ? '&' : '?';
  const room = max - [...url].length - joiner.length - 'pad='.length;
  if (url.includes('#') || room < 1) return [];
  const entry: EdgeEntry = {
    name: `notify_url of ${max} characters`,
    rules: [ruleOfField('/notify_url')],
    maxString: true,
    build: (r) => ({ ...r, notify_url: `${url}${joiner}pad=${'x'.repeat(room)}` }),
  };
  return [edgeOf(entry)];
}

/** The edges marked maxString, all at once: each applied in turn. */
function everyStringAtMax(all: Edge[]): EdgeEntry {
  const everyMax = all.filter((e) => e.maxString === true);
  return {
    name: 'every string field at its maximum',
    rules: [...new Set(everyMax.flatMap((e) => e.ruleIds))],
    build: (r, c) => everyMax.reduce((acc, e) => e.apply(acc, c), r),
  };
}

/** Every edge, structural ones (whole arrays) before the ones that pin an item's field. */
export function edges(c: ResolvedConstraints): Edge[] {
  const all = [
    ...arrayEdges(c),
    ...outOrderNoEdges(c),
    ...textEdges(c),
    ...countEdges(c),
    ...notifyEdge(c),
    ...timeEdges(c),
  ];
  return [...all, edgeOf(everyStringAtMax(all))];
}
