import type { BusinessContext, Violation } from '../../specification';
import { CREATE_STEPS, REFERENCE_POLICY, type CreateStep, type Policy } from './policy';
import type { ErrorShape, Variation } from './variation';

type Json = Record<string, unknown>;

/** The mock's behaviour: the reference policy with the active variations applied, one hook per seam. */
export interface Behaviour {
  policy: Readonly<Policy>;
  checkOrder: readonly CreateStep[];
  bodyView(body: Json): Json;
  fieldRules(violations: Violation[], body: Json): Violation[];
  businessRules(violations: Violation[], body: Json, ctx: BusinessContext): Violation[];
  okBody(response: Json, body: Json): Json;
  errorBody(error: ErrorShape): ErrorShape['body'];
  /** What some variations remember, per server: verified headers, overwritten requests, request bytes by order_id, values issued first, creates being placed, racy inserts. */
  memory: {
    verifiedHeaders: Set<string>;
    overwrittenRequests: Map<string, string>;
    requestBytes: Map<string, string>;
    firstIssued: { requestId?: string; nonce?: string };
    inFlight: Set<string>;
    /** When a create under a racy lookup inserted each key (performance.now()). */
    insertedAt: Map<string, number>;
  };
}

/** Folds the variations, in the order given, over the reference behaviour. */
export function composeBehaviour(variations: readonly Variation[]): Behaviour {
  const policy: Policy = Object.assign({}, REFERENCE_POLICY, ...variations.map((v) => v.policy ?? {})) as Policy;
  const fold =
    <T, A extends unknown[]>(pick: (v: Variation) => ((value: T, ...args: A) => T) | undefined) =>
    (value: T, ...args: A): T =>
      variations.reduce((acc, v) => pick(v)?.call(v, acc, ...args) ?? acc, value);
  return {
    policy,
    checkOrder: fold<CreateStep[], []>((v) => v.checkOrder)([...CREATE_STEPS]),
    bodyView: fold<Json, []>((v) => v.bodyView),
    fieldRules: fold<Violation[], [Json]>((v) => v.fieldRules),
    businessRules: fold<Violation[], [Json, BusinessContext]>((v) => v.businessRules),
    okBody: fold<Json, [Json]>((v) => v.okBody),
    errorBody: (error) => variations.reduce((body, v) => v.errorBody?.({ ...error, body }) ?? body, error.body),
    memory: {
      verifiedHeaders: new Set(),
      overwrittenRequests: new Map(),
      requestBytes: new Map(),
      firstIssued: {},
      inFlight: new Set(),
      insertedAt: new Map(),
    },
  };
}
