import { isRuleId, specDocument, type CreateOrderRequest, type FieldInfo } from '../specification';
import type { ResolvedConstraints } from './resolveConstraints';

// One entry per rule: everything the generators know about the rule, in one place. See CONTRIBUTING.md.

type C = ResolvedConstraints;
type Apply = (base: CreateOrderRequest, c: C) => unknown;

/** The schema keywords the field walk visits, in this order for each field of the request. */
export const KEYWORDS = [
  'type',
  'null',
  'required',
  'maxLength',
  'minLength',
  'minimum',
  'maximum',
  'enum',
  'maxItems',
  'pattern',
] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** A mutation: one invalid case, a way to break exactly this rule applied to any valid request. */
export interface MutationCase {
  /** The case name after the rule id ('<RULE-ID> <what>'): suites use it in test titles, keep it stable. */
  what: string;
  /** Where the violation is (index 0 for array items; '' for the whole body). */
  pointer: string;
  apply: Apply;
  /** false: an alternative that only feeds invalidRequest, not listed by invalidCases. */
  listed?: boolean;
}

/**
 * The order boundaryRequest applies combined edges in, each stage after the one before: whole arrays
 * first (an item edge then pins an item of them), then strings, numbers, repeated names, values taken
 * from the profile, and time ranges with the modes they decide. Within a stage, edges keep the order
 * of the rule table, so the same seed draws the same samples wherever the rule set did not change.
 */
export const STAGES = ['payments', 'discounts', 'text', 'number', 'repeated-name', 'profile', 'time'] as const;
export type Stage = (typeof STAGES)[number];

/** An edge: one boundary case, a valid request pinned at a limit of this rule. */
export interface EdgeCase {
  /** The case name (suites and JUnit carry it: keep it stable). */
  name: string;
  stage: Stage;
  /** Other rules whose limit the edge sits on too (the entry's own rule is the main one). */
  also?: readonly string[];
  /** Part of the edge 'every string field at its maximum'. */
  maxString?: true;
  build(r: CreateOrderRequest, c: C): CreateOrderRequest;
}

/** Brings a request whose edges were combined back within this rule (boundaryRequest, boundaryCases). */
export type Repair = (r: CreateOrderRequest, c: C) => CreateOrderRequest;

export interface RuleEntry {
  /** Mutations at a field and keyword of openapi.yaml bound to this rule; the field walk calls it. */
  fieldMutations?: (field: FieldInfo, keyword: Keyword, c: C) => MutationCase[];
  /** Mutations of the rule as a whole (between fields, against the clock or the cap). */
  mutations?: (c: C) => MutationCase[];
  /** Why no request breaks this rule by the spec alone: required when it has no mutation. */
  notGeneratable?: string;
  edges?: (c: C) => EdgeCase[];
  /**
   * Required when the rule ties fields together and has edges: combined edges can break it, so say how
   * they are mended, or why they cannot break it ({ none: why }).
   */
  repair?: Repair | { none: string };
  /**
   * Fields (paths with '*' for items) whose presence is itself an open question of this rule: every other
   * generator leaves them out, and only cases judged under a DECISION rule may send them (see `sends`).
   */
  guards?: readonly string[];
  /** Guarded fields this rule's cases send: the permission a guard grants, to DECISION rules only. */
  sends?: readonly string[];
}

/** A table of entries, keyed by the rule id (or rule family id, 'TYPE-*') of openapi.yaml. */
export type RuleTable<K extends string = string> = Readonly<Record<K, RuleEntry>>;

const isFamilyId = (id: string): boolean => specDocument()['x-rule-families'].some((f) => f.id === id);

/** An area's table, every key checked against the rule catalogue when the module loads. */
export function defineRules<K extends string>(area: string, table: Record<K, RuleEntry>): RuleTable<K> {
  for (const id of Object.keys(table)) {
    if (!isRuleId(id) && !isFamilyId(id))
      throw new Error(`generators/rules/${area}.ts: ${id} is no rule or rule family of openapi.yaml`);
  }
  return table;
}
