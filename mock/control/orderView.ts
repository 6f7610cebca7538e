import type { StoredOrder } from '../store';

/** The order as a resource (what callbacks carry): the create answer with the current state, no package. */
export function orderView(order: StoredOrder): Record<string, unknown> {
  const view = JSON.parse(order.responseBody) as Record<string, unknown>;
  delete view['package'];
  delete view['state_description'];
  view['state'] = order.state;
  if (order.state === 'DOING' && order.stateDescription !== undefined)
    view['state_description'] = order.stateDescription;
  return view;
}
