import { rule, type CreateOrderRequest } from '../../spec';
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

/** An edge as a table entry reads: its case name, its rules, what it builds. */
export interface EdgeEntry {
  /** The case name (suites and JUnit carry it: keep it stable). */
  name: string;
  /** The rules whose limit the edge sits on, the main one first (checked against the catalogue). */
  rules: readonly string[];
  /** Part of 'every string field at its maximum'. */
  maxString?: true;
  /** The request pinned at the edge, from a valid one. */
  build: Edge['apply'];
}

export const edgeOf = ({ name, rules, maxString, build }: EdgeEntry): Edge => ({
  name,
  ruleIds: rules.map((id) => rule(id).id),
  apply: build,
  ...(maxString ? { maxString } : {}),
});

/** A table entry in one call, so a table reads one entry per line. */
export const edge = (name: string, rules: readonly string[], build: EdgeEntry['build']): EdgeEntry => ({
  name,
  rules,
  build,
});

/** An entry that joins 'every string field at its maximum'. */
export const maxStringEdge = (name: string, rules: readonly string[], build: EdgeEntry['build']): EdgeEntry => ({
  ...edge(name, rules, build),
  maxString: true,
});
