/** Where a rule comes from; decides how a suite treats a violation against a foreign target. */
export type Basis = 'SEED' | 'SIBLING' | 'DECISION';

/** Which part of the pipeline can prove a rule. */
export type Enforcement =
  'schema' | 'business' | 'protocol' | 'response' | 'lifecycle' | 'callback' | 'receiver' | 'client';

/**
 * What a receiver (notify_url) answers a notification that this rule is about: accept = 200 or 204
 * within 5 s; reject = 4XX or 5XX within 5 s; in-time = any answer within 5 s; fail-body = a failure
 * answer's body is {"code":"FAIL","message":…}.
 */
export type ReceiverAnswer = 'accept' | 'reject' | 'in-time' | 'fail-body';

/** The bundled mock's answer to a request that breaks only this rule. */
export interface Expectation {
  status: number;
  codes: string[];
}

/**
 * What the sources require of any other target where they leave the answer open: the answers
 * accepted, and the basis at which a refusal with another 4xx counts (the refusal itself counts at
 * the rule's basis).
 */
export interface ForeignExpectation {
  statuses: number[];
  codes: string[];
  basis: Basis;
}

/** A rule as openapi.yaml declares it (x-rules, x-rule-families). */
export interface RuleDeclaration {
  id: string;
  basis: Basis;
  enforcement: Enforcement;
  text: string;
  expect?: Expectation;
  /** Absent: a foreign target owes exactly `expect`, at the rule's basis. */
  foreign?: ForeignExpectation;
  /** Receiver rules (enforcement receiver): the answer expected from a notify_url. */
  receiverAnswer?: ReceiverAnswer;
}

/** A rule of the catalogue: its declaration, located in openapi.yaml. */
export interface Rule extends RuleDeclaration {
  /** For an expanded family member (TYPE-*): the family id and the field it is about. */
  family?: string;
  field?: string;
  /** JSON Pointers into openapi.yaml of the schema nodes that carry this rule. */
  locations: string[];
}

/** One violated rule, as data: what validators, business checks and checks all return. */
export interface Violation {
  ruleId: string;
  /** JSON Pointer into the validated value ('' is the whole value). */
  pointer: string;
  message: string;
}
