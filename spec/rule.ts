/** Where a rule comes from; decides how a suite treats a violation against a foreign target. */
export type Basis = 'SEED' | 'SIBLING' | 'DECISION';

/** Which part of the pipeline can prove a rule. */
export type Enforcement = 'schema' | 'business' | 'protocol' | 'response' | 'lifecycle' | 'callback' | 'receiver';

/**
 * What a receiver (notify_url) answers a notification that this rule is about: accept = 200 or 204
 * within 5 s; reject = 4XX or 5XX within 5 s; in-time = any answer within 5 s; fail-body = a failure
 * answer's body is {"code":"FAIL","message":…}.
 */
export type ReceiverAnswer = 'accept' | 'reject' | 'in-time' | 'fail-body';

/** The answer to a request that breaks only this rule. */
export interface Expectation {
  status: number;
  codes: string[];
  /** Codes accepted from a target other than the bundled mock, where the facts leave it open. */
  foreignCodes?: string[];
  /** Statuses accepted from a foreign target, where the facts leave it open. */
  foreignStatuses?: number[];
}

export interface Rule {
  id: string;
  basis: Basis;
  enforcement: Enforcement;
  text: string;
  expect?: Expectation;
  /** Receiver rules (enforcement receiver): the answer expected from a notify_url. */
  receiverAnswer?: ReceiverAnswer;
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
