/** The provider-state operations the verification uses, over the mock's HTTP control interface. */
export interface StateControl {
  reset(): Promise<void>;
  putOrder(body: Record<string, unknown>, state: 'CREATED' | 'DOING', orderId?: string): Promise<void>;
}

/** A client of `/__control/` (mock/control/controlRoutes.ts); a refusal is an error naming its answer. */
export function httpControl(controlUrl: string): StateControl {
  const post = async (operation: string, input: unknown): Promise<void> => {
    const response = await fetch(new URL(operation, controlUrl), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input),
    });
    if (!response.ok) throw new Error(`control ${operation} answered ${response.status}: ${await response.text()}`);
  };
  return {
    reset: () => post('reset', {}),
    putOrder: (body, state, orderId) => post('orders', { body, state, ...(orderId === undefined ? {} : { order_id: orderId }) }),
  };
}
