import { controlClient } from '../mock';

/** The provider-state operations the verification uses, over the mock's HTTP control interface. */
export interface StateControl {
  reset(): Promise<void>;
  putOrder(body: Record<string, unknown>, state: 'CREATED' | 'DOING', orderId?: string): Promise<void>;
}

/** StateControl over `/__control/` (mock/control/controlRoutes.ts); a refusal is an error naming its answer. */
export function httpControl(controlUrl: string): StateControl {
  const post = controlClient(controlUrl);
  return {
    reset: async () => { await post('reset', {}); },
    putOrder: async (body, state, orderId) => { await post('orders', { body, state, ...(orderId === undefined ? {} : { order_id: orderId }) }); },
  };
}
