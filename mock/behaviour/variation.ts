import type { BusinessContext, Violation } from '../../specification';
import type { CreateStep, Policy } from './policy';

type Json = Record<string, unknown>;

/** What an error answer looks like at the answer-shaping seam. */
export interface ErrorShape {
  status: number;
  ruleId: string | undefined;
  body: { code: string; message: string; detail?: Json } & Json;
}

/**
 * One way the mock may behave otherwise: a fault (a defect that breaks one rule) or a reading (a
 * legitimate alternative where the sources leave room). It overrides policy entries and may hook
 * the seams that need code: the order of checks, the body the validators see, the field and
 * business violations, the 200 body, the error body.
 */
export interface Variation {
  description: string;
  policy?: Partial<Policy>;
  checkOrder?(steps: CreateStep[]): CreateStep[];
  /** The body the validators and the store see (e.g. nulls read as absent). */
  bodyView?(body: Json): Json;
  fieldRules?(violations: Violation[], body: Json): Violation[];
  businessRules?(violations: Violation[], body: Json, ctx: BusinessContext): Violation[];
  /** The 200 body of a new order, before it is stored (replays repeat it). */
  okBody?(response: Json, body: Json): Json;
  errorBody?(error: ErrorShape): ErrorShape['body'];
}
