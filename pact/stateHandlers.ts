import { randomBytes } from 'node:crypto';
import { controlClient } from '../mock';
import { limits } from '../specification';
import { PROVIDER_STATES } from './providerStates';
import type { Provider } from './provider';
import type { ReplaySession } from './replaySession';
import { rewriteIdentities, signatureThatDoesNotVerify } from './resign';

type JsonMap = Record<string, unknown>;
const paramsOf = (params: unknown): JsonMap =>
  typeof params === 'object' && params !== null ? (params as JsonMap) : {};

/** An out_order_no no earlier run used: the pact's value, cut, plus a random suffix (OON-LENGTH, OON-CHARSET). */
function freshOutOrderNo(given: unknown): string {
  const suffix = `-${randomBytes(6).toString('hex')}`;
  return `${String(given ?? 'PACT').slice(0, limits().outOrderNoMaxLength - suffix.length)}${suffix}`;
}

/** A state handler of pact-js's Verifier: params in, the values the pact injects (fromProviderState) out. */
export type StateHandler = (params?: unknown) => Promise<JsonMap | undefined>;

/**
 * The set-up of every provider state of PROVIDER_STATES, for one verification. The handlers answer
 * the values a pact injects (fromProviderState): `out_order_no` (the pact's own on the bundled mock,
 * after a reset; a fresh one on a foreign target, which keeps its orders) and, for the bad
 * signature, `authorization`. The states that need an existing order are set over the mock's
 * control interface. Every handler marks the session prepared; the bad-signature state also tells
 * the request filter to sign the next request with a signature that does not verify. `others`
 * names further states (not ours) to handle as a clean store, so a pact using them still runs.
 */
export function providerStateHandlers(
  provider: Provider,
  session: ReplaySession,
  others: readonly string[] = [],
): Record<string, StateHandler> {
  const control = provider.controlUrl === undefined ? undefined : controlClient(provider.controlUrl);
  const reset = async (): Promise<void> => {
    session.markPrepared();
    if (control !== undefined) await control('reset', {});
  };
  const noOrder = async (params: unknown): Promise<JsonMap> => {
    const given = paramsOf(params)['out_order_no'];
    await reset();
    if (control === undefined) return { out_order_no: freshOutOrderNo(given) };
    return typeof given === 'string' ? { out_order_no: given } : {};
  };
  /** Stores the order a state names (after a clean slate), created from its body with the target's ids. */
  const storedOrder = async (state: string, params: unknown): Promise<undefined> => {
    if (control === undefined)
      throw new Error(`provider state "${state}" needs the mock's control interface (${provider.label})`);
    const { body, order_id: orderId } = paramsOf(params);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new Error(`provider state "${state}" needs a body parameter (the request body the order was created from)`);
    await reset();
    const stored = rewriteIdentities(body as JsonMap, provider.identities);
    await control('orders', {
      body: stored,
      state: stored['need_user_confirm'] === true ? 'CREATED' : 'DOING',
      ...(typeof orderId === 'string' ? { order_id: orderId } : {}),
    });
    return undefined;
  };
  const handlers: Record<string, StateHandler> = {};
  for (const name of others)
    handlers[name] = async () => {
      await reset();
      return undefined;
    };
  return {
    ...handlers,
    [PROVIDER_STATES.noOrder]: noOrder,
    [PROVIDER_STATES.signatureDoesNotVerify]: async (params?: unknown) => {
      const answer = await noOrder(params);
      session.markBadSignature();
      return { ...answer, authorization: signatureThatDoesNotVerify(provider) };
    },
    // The replay answers exactly the pact's order_id (IDEMP-SAME): Pact checks a response against
    // its example, never against a state's answer, so the state stores the order under that id.
    [PROVIDER_STATES.orderWithSameParameters]: (params?: unknown) =>
      storedOrder(PROVIDER_STATES.orderWithSameParameters, params),
    [PROVIDER_STATES.orderWithOtherParameters]: (params?: unknown) =>
      storedOrder(PROVIDER_STATES.orderWithOtherParameters, params),
  };
}
