import { rule, type CreateOrderRequest } from '../specification';
import { STAGES, type EdgeCase } from './ruleEntry';
import { RULE_ENTRIES } from './rules';
import type { ResolvedConstraints } from './resolveConstraints';

/** One edge of the valid space; applied to a valid request it pins that edge and stays valid. */
export interface Edge {
  name: string;
  apply(r: CreateOrderRequest, c: ResolvedConstraints): CreateOrderRequest;
  /** The rules whose limit the edge sits on, the first the main one. */
  ruleIds: string[];
  /** Part of 'every string field at its maximum'. */
  maxString?: boolean;
}

const edgeOf = (ruleId: string, { name, also = [], maxString, build }: EdgeCase): Edge => ({
  name,
  ruleIds: [ruleId, ...also.map((id) => rule(id).id)],
  apply: build,
  ...(maxString ? { maxString } : {}),
});

/** The edges marked maxString, all at once: each applied in turn. */
function everyStringAtMax(all: Edge[]): Edge {
  const everyMax = all.filter((e) => e.maxString === true);
  return {
    name: 'every string field at its maximum',
    ruleIds: [...new Set(everyMax.flatMap((e) => e.ruleIds))],
    apply: (r, c) => everyMax.reduce((acc, e) => e.apply(acc, c), r),
  };
}

/** Every edge, stage by stage (STAGES), in table order within a stage; last, every string at its maximum. */
export function edges(c: ResolvedConstraints): Edge[] {
  const own = RULE_ENTRIES.flatMap(([ruleId, entry]) => (entry.edges?.(c) ?? []).map((e) => ({ ruleId, e })));
  const all = STAGES.flatMap((stage) =>
    own.filter(({ e }) => e.stage === stage).map(({ ruleId, e }) => edgeOf(ruleId, e)),
  );
  return [...all, everyStringAtMax(all)];
}
