// Provider-state names: the ONE place consumer tests (given), the verifier's state handlers
// (stateHandlers.ts) and docs/pact.md's list for merchants read them. What a state handler answers is
// injected into the replayed request where the pact says fromProviderState.

/** Every state the create-order pact uses, by role. */
export const PROVIDER_STATES = {
  /** params `{ out_order_no }`: nothing was created under it yet. Answers `{ out_order_no }` to replay. */
  noOrder: 'no order exists with the out_order_no',
  /** params `{ body, order_id }`: the order was created earlier from exactly this body, as order_id. */
  orderWithSameParameters: 'an order exists that was created with the same parameters',
  /** params `{ body }`: the out_order_no of `body` was used earlier with this other body. */
  orderWithOtherParameters: 'an order exists with the same out_order_no and other parameters',
  /** params `{ out_order_no }`: the request reaches the provider with a signature that does not verify. Answers `{ out_order_no, authorization }`. */
  signatureDoesNotVerify: 'the request signature does not verify with the merchant key',
} as const;

export type ProviderStateName = (typeof PROVIDER_STATES)[keyof typeof PROVIDER_STATES];

/**
 * States only a provider with a control interface (the bundled mock) can set up: a foreign target
 * cannot be told "this order exists", so interactions in these states are reported as not
 * verifiable there instead of being replayed against an unknown store.
 */
export const STATES_NEEDING_CONTROL: readonly ProviderStateName[] = [
  PROVIDER_STATES.orderWithSameParameters,
  PROVIDER_STATES.orderWithOtherParameters,
];
