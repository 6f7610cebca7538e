/**
 * What a state handler tells the request filter about the next replayed request. The verifier runs
 * one interaction at a time (state setup, then its request), so one mutable plan is enough.
 */
export interface ReplayPlan {
  /** 'broken': sign, then send a signature over other bytes (it cannot verify). */
  signature: 'valid' | 'broken';
  /** Replace out_order_no (a foreign target keeps its orders: each run needs a new one). */
  outOrderNo?: string;
}

export const defaultPlan = (): ReplayPlan => ({ signature: 'valid' });
