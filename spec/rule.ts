/** Where a rule comes from; decides how a suite treats a violation against a foreign target. */
export type Basis = 'SEED' | 'SIBLING' | 'DECISION';

/** Which part of the pipeline can prove a rule. */
export type Enforcement = 'schema' | 'business' | 'protocol' | 'response' | 'lifecycle' | 'callback';

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
