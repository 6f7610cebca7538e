import { resolvePointer, specDocument, type OrderState, type StateDescription } from '../../specification';
import { errorAnswer, parseJsonBody, type Answer } from '../handlers';
import type { MockControl, OrderRef } from './controlApi';
import { ControlError } from './controlError';
import { isLoopback } from './isLoopback';

export const CONTROL_PREFIX = '/__control/';

export interface ControlRequest {
  method: string;
  path: string;
  remoteAddress: string | undefined;
  body: Buffer;
}

const ok = (body: unknown): Answer => ({ status: 200, body });

function refOf(input: Record<string, unknown>): OrderRef {
  if (typeof input['order_id'] === 'string') return { orderId: input['order_id'] };
  if (typeof input['out_order_no'] !== 'string')
    throw new ControlError('PARAM_ERROR', 'give order_id or out_order_no', { field: '/order_id', location: 'body' });
  const ref: OrderRef = { outOrderNo: input['out_order_no'] };
  if (typeof input['sub_mchid'] === 'string') ref.subMchid = input['sub_mchid'];
  if (typeof input['mchid'] === 'string') ref.mchid = input['mchid'];
  return ref;
}

type Route = (control: MockControl, input: Record<string, unknown>) => Answer | Promise<Answer>;

const POST_ROUTES: Record<string, Route> = {
  reset: (c) => {
    c.reset();
    return ok({ reset: true });
  },
  'clock/advance': (c, input) => {
    if (typeof input['ms'] !== 'number')
      throw new ControlError('PARAM_ERROR', 'ms must be a number', { field: '/ms', location: 'body' });
    return ok({ now: c.advanceClock(input['ms']) });
  },
  orders: (c, input) => {
    const body = input['body'];
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw new ControlError('PARAM_ERROR', 'body must be a create-order body', { field: '/body', location: 'body' });
    const put = { body: body as Record<string, unknown>, state: input['state'] as OrderState };
    return ok(
      c.putOrder({
        ...put,
        ...(typeof input['state_description'] === 'string'
          ? { stateDescription: input['state_description'] as StateDescription }
          : {}),
        ...(typeof input['mchid'] === 'string' ? { mchid: input['mchid'] } : {}),
        ...(typeof input['order_id'] === 'string' ? { orderId: input['order_id'] } : {}),
      }),
    );
  },
  'orders/confirm': (c, input) => ok(c.confirm(refOf(input))),
  'orders/pay': (c, input) => ok(c.pay(refOf(input))),
  settle: async (c) => {
    await c.settle();
    return ok(c.deliveries());
  },
};

const STATES = resolvePointer(
  specDocument(),
  '/components/schemas/CreateOrderResponse/properties/state/enum',
) as readonly string[];
const DESCRIPTIONS = resolvePointer(
  specDocument(),
  '/components/schemas/CreateOrderResponse/properties/state_description/enum',
) as readonly string[];

/** A path segment as text; a malformed percent-escape is the caller's error, not a 500. */
function decodedSegment(segment: string, name: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ControlError('PARAM_ERROR', `${name} ${JSON.stringify(segment)} has a malformed percent-escape`, {
      field: name,
      location: 'path',
    });
  }
}

function controlErrorAnswer(error: ControlError): Answer {
  return errorAnswer(
    error.wireCode,
    error.message,
    error.at === undefined ? undefined : { ...error.at, issue: error.message },
  );
}

/** The control interface over HTTP (JSON), for loopback callers only. */
export async function controlRoute(control: MockControl, req: ControlRequest): Promise<Answer> {
  if (!isLoopback(req.remoteAddress))
    return errorAnswer(
      'NO_AUTH',
      `the control interface answers loopback callers only, not ${req.remoteAddress ?? 'unknown'}`,
    );
  const name = req.path.slice(CONTROL_PREFIX.length);
  try {
    if (req.method === 'GET' && name === 'deliveries') return ok(control.deliveries());
    if (req.method === 'GET' && name.startsWith('orders/')) {
      const order = control.getOrder({ orderId: decodedSegment(name.slice('orders/'.length), 'order_id') });
      return order === undefined ? errorAnswer('ORDER_NOT_EXIST', 'no such order') : ok(order);
    }
    const route = POST_ROUTES[name];
    if (route === undefined || !Object.prototype.hasOwnProperty.call(POST_ROUTES, name))
      return errorAnswer('NOT_FOUND', `no control operation ${name}`);
    if (req.method !== 'POST')
      return { ...errorAnswer('METHOD_NOT_ALLOWED', `${name} takes POST`), headers: { Allow: 'POST' } };
    const parsed = req.body.length === 0 ? { ok: true as const, value: {} } : parseJsonBody(req.body);
    if (!parsed.ok) return parsed.answer;
    const description = parsed.value['state_description'];
    if (name === 'orders' && description !== undefined && !DESCRIPTIONS.includes(String(description))) {
      throw new ControlError('PARAM_ERROR', `state_description must be one of ${DESCRIPTIONS.join(', ')}`, {
        field: '/state_description',
        location: 'body',
      });
    }
    if (name === 'orders' && !STATES.includes(String(parsed.value['state'])))
      throw new ControlError('PARAM_ERROR', `state must be one of ${STATES.join(', ')}`, {
        field: '/state',
        location: 'body',
      });
    return await route(control, parsed.value);
  } catch (error) {
    if (error instanceof ControlError) return controlErrorAnswer(error);
    throw error;
  }
}
