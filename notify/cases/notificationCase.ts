import type { ReceiverAnswer } from '../../spec';
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

/** The first order: cases about the wire, not the order, carry it. */
export function firstOrder(orders: readonly OrderResource[]): OrderResource {
  const order = orders[0];
  if (order === undefined) throw new Error('the generators produced no order');
  return order;
}
