import { orderView } from '../control';
import type { OrderStore } from '../store';

/** How many orders the console lists: the newest; the count says how many the store holds. */
export const ORDERS_SHOWN = 50;

/** The newest orders as the console lists them: the resource (as callbacks carry it) with the key and times. */
export function orderRows(store: OrderStore, limit = ORDERS_SHOWN): Array<Record<string, unknown>> {
  return store.latest(limit).map((order) => {
    const view = orderView(order);
    return {
      order_id: order.orderId,
      out_order_no: order.outOrderNo,
      mchid: order.mchid,
      sub_mchid: order.subMchid,
      state: view['state'],
      ...(view['state_description'] === undefined ? {} : { state_description: view['state_description'] }),
      service_introduction: view['service_introduction'],
      created_at: new Date(order.createdAt).toISOString(),
      updated_at: new Date(order.updatedAt).toISOString(),
    };
  });
}
