import { randomBytes } from 'node:crypto';
import { limits } from '../spec';
import { httpControl, type StateControl } from './httpControl';
import { NotVerifiableError } from './notVerifiableError';
import { PROVIDER_STATES, type ProviderStateName } from './providerStates';
import type { ReplayPlan } from './replayPlan';
import type { ReplayTarget } from './replayTarget';
import { rewriteIdentities } from './rewriteIdentities';

type JsonMap = Record<string, unknown>;
type Handler = (params?: unknown) => Promise<JsonMap | undefined>;

const paramsOf = (params: unknown): JsonMap => (typeof params === 'object' && params !== null ? params as JsonMap : {});

function bodyParam(params: unknown, state: string): JsonMap {
  const body = paramsOf(params)['body'];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`provider state "${state}" needs a body parameter`);
  return body as JsonMap;
}

/** An out_order_no no earlier run used: the pact's value, cut, plus a random suffix (OON-LENGTH, OON-CHARSET). */
function freshOutOrderNo(given: unknown): string {
  const suffix = `-${randomBytes(6).toString('hex')}`;
  return `${String(given ?? 'PACT').slice(0, limits().outOrderNoMaxLength - suffix.length)}${suffix}`;
}

/** Stores the order the state names (after a clean slate), created from the body with the target's ids. */
async function putStored(control: StateControl, target: ReplayTarget, body: JsonMap, orderId?: string): Promise<void> {
  await control.reset();
  await control.putOrder(rewriteIdentities(body, target.identities), body['need_user_confirm'] === true ? 'CREATED' : 'DOING', orderId);
}

/** The order_id a state pins (the replay must answer exactly it, IDEMP-SAME). */
function orderIdParam(params: unknown): string | undefined {
  const id = paramsOf(params)['order_id'];
  return typeof id === 'string' ? id : undefined;
}

/**
 * The verifier's state handlers. On the bundled mock, states are set through its HTTP control
 * interface (reset, orders) and the replayed request keeps the pact's out_order_no. On a foreign target
 * the store cannot be set: "no order" is made true with a fresh out_order_no, and the states that
 * need an existing order throw NotVerifiableError (the verification also leaves them out, see
 * verifiablePact). The replay plan tells the request filter how to sign.
 */
export function contractStateHandlers(target: ReplayTarget, setPlan: (plan: ReplayPlan) => void): Record<ProviderStateName, Handler> {
  const control = target.controlUrl === undefined ? undefined : httpControl(target.controlUrl);
  const needsControl = (state: string): StateControl => {
    if (control === undefined) throw new NotVerifiableError(state, target.label);
    return control;
  };
  const noOrder = (signature: ReplayPlan['signature']): Handler => async (params) => {
    if (control !== undefined) {
      await control.reset();
      setPlan({ signature });
    } else {
      setPlan({ signature, outOrderNo: freshOutOrderNo(paramsOf(params)['out_order_no']) });
    }
    return undefined;
  };
  return {
    [PROVIDER_STATES.noOrder]: noOrder('valid'),
    [PROVIDER_STATES.signatureDoesNotVerify]: noOrder('broken'),
    [PROVIDER_STATES.orderWithSameParameters]: async (params) => {
      await putStored(needsControl(PROVIDER_STATES.orderWithSameParameters), target, bodyParam(params, PROVIDER_STATES.orderWithSameParameters), orderIdParam(params));
      setPlan({ signature: 'valid' });
      return undefined;
    },
    [PROVIDER_STATES.orderWithOtherParameters]: async (params) => {
      await putStored(needsControl(PROVIDER_STATES.orderWithOtherParameters), target, bodyParam(params, PROVIDER_STATES.orderWithOtherParameters));
      setPlan({ signature: 'valid' });
      return undefined;
    },
  };
}
