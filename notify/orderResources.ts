import fc from 'fast-check';
import { boundaryCases, defaultRequestConstraints, validRequest, type RequestConstraints } from '../generators';
import type { LoadedNotifyProfile } from '../client';
import type { CreateOrderRequest, CreateOrderResponse } from '../specification';
import type { PayscoreEvent } from '../apiv3';

/** How many random valid orders travel besides the boundary cases (the boundary cases carry every edge). */
export const RANDOM_ORDERS = 8;

/** A named order resource: what a notification's ciphertext decrypts to. */
export interface OrderResource {
  name: string;
  event: PayscoreEvent;
  order: Record<string, unknown>;
}

/** The state an order is in when WeChat Pay sends each event (USER_CONFIRM: DOING; USER_PAID: DONE). */
const AFTER: Record<PayscoreEvent, Pick<CreateOrderResponse, 'state' | 'state_description'>> = {
  'PAYSCORE.USER_CONFIRM': { state: 'DOING', state_description: 'USER_CONFIRM' },
  'PAYSCORE.USER_PAID': { state: 'DONE' },
};

const EVENTS = Object.keys(AFTER) as PayscoreEvent[];

/** The order as a notification carries it: the create fields plus mchid, order_id and the state. */
function resource(
  request: CreateOrderRequest,
  mchid: string,
  index: number,
  event: PayscoreEvent,
): Record<string, unknown> {
  const facts: Pick<CreateOrderResponse, 'mchid' | 'order_id'> = { mchid, order_id: `${1_000_000_000_000 + index}` };
  return { ...request, ...facts, ...AFTER[event] };
}

/**
 * The generators' constraints for the profile's identities (a receiver binds none, so the optional
 * ones fall back to the sample identities); time ranges from the clock of the run.
 */
export function notifyConstraints(profile: LoadedNotifyProfile, now: number): RequestConstraints {
  const defaults = defaultRequestConstraints(now);
  return {
    identities: { ...defaults.identities, ...profile.identities },
    notifyUrl: profile.receiverUrl,
    riskFundCap: profile.riskFundCap ?? defaults.riskFundCap,
    now,
  };
}

/**
 * Every boundary case (each field at its limits, CJK and characters outside the BMP) and RANDOM_ORDERS
 * random valid orders of `seed`, the events alternating: every field and Unicode edge reaches the receiver.
 */
export function orderResources(profile: LoadedNotifyProfile, seed: number, now: number): OrderResource[] {
  const constraints = notifyConstraints(profile, now);
  const requests = [
    ...boundaryCases(constraints).map((c) => ({ name: `boundary ${c.name}`, request: c.request })),
    ...fc
      .sample(validRequest(constraints), { seed, numRuns: RANDOM_ORDERS })
      .map((request, i) => ({ name: `random order ${i + 1} of seed ${seed}`, request })),
  ];
  return requests.map(({ name, request }, i) => {
    const event = EVENTS[i % EVENTS.length] ?? 'PAYSCORE.USER_PAID';
    return { name: `${name} (${event})`, event, order: resource(request, profile.mchid, i, event) };
  });
}
