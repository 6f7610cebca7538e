import type { ReceiverAnswer } from '../../specification';
import type { Delivery, NotifyKit } from '../notifyKit';
import type { OrderResource } from '../orderResources';

/**
 * One case of the receiver suite: the notifications it POSTs in order (built when it runs, so
 * timestamps are fresh). Every answer but the last must be a success (a duplicate's first delivery);
 * the last is judged against the rule's receiverAnswer.
 */
export interface NotificationCase {
  ruleId: string;
  name: string;
  /** Overrides the rule's answer for this case (RECV-DEADLINE's genuine and hostile cases). */
  answer?: ReceiverAnswer;
  /** A closed connection counts as a refusal (RECV-HUGE: a receiver may cut a huge body off). */
  closeIsRefusal?: boolean;
  deliveries(): Delivery[];
}

export type CaseBuilder = (kit: NotifyKit, orders: readonly OrderResource[]) => NotificationCase[];

/** The smallest order: cases about the wire, not the order, carry it (so a reproduction's curl stays short). */
export function firstOrder(orders: readonly OrderResource[]): OrderResource {
  const size = (o: OrderResource): number => JSON.stringify(o.order).length;
  const order = orders.reduce<OrderResource | undefined>(
    (best, o) => (best === undefined || size(o) < size(best) ? o : best),
    undefined,
  );
  if (order === undefined) throw new Error('the generators produced no order');
  return order;
}
