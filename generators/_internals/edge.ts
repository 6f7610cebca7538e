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

export const edge = (name: string, rules: string[], apply: Edge['apply']): Edge => ({
  name,
  ruleIds: rules.map((id) => rule(id).id),
  apply,
});
export const maxEdge = (name: string, rules: string[], apply: Edge['apply']): Edge => ({
  ...edge(name, rules, apply),
  maxString: true,
});
