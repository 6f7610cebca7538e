// Helpers the suites share to build what they judge; never needed outside suites/.
import type { CaseExpectation } from '../checks';
import type { Exchange } from '../client';
import { limits, type CreateOrderRequest } from '../specification';
import type { JudgedExchange, TargetHandle } from './harness';

/** One exchange with what it was meant to be and the name it is reported under. */
export function judgedAs(
  t: TargetHandle,
  exchange: Exchange,
  expectation: CaseExpectation,
  sent: unknown,
  caseName: string,
): JudgedExchange {
  return { exchange, ctx: t.context(expectation, sent), caseName };
}

/** A valid create judged as accepted: the first answer that a replay or a conflict is held to. */
export async function acceptedCreate(
  t: TargetHandle,
  body: CreateOrderRequest,
  caseName = 'first create',
): Promise<{ first: Exchange; judged: JudgedExchange }> {
  const first = await t.client.createOrder(body);
  return { first, judged: judgedAs(t, first, { kind: 'accept' }, body, caseName) };
}

/**
 * A create, then the same out_order_no with `suffix` added to attach: one order, then a conflict.
 * attach is cut to its last attachMaxLength characters (openapi.yaml) so the other body stays valid.
 */
export async function createThenConflict(
  t: TargetHandle,
  body: CreateOrderRequest,
  suffix: string,
): Promise<{ first: Exchange; judged: JudgedExchange[] }> {
  const { first, judged } = await acceptedCreate(t, body);
  const other = { ...body, attach: `${body.attach ?? ''}${suffix}`.slice(-limits().attachMaxLength) };
  const conflict = await t.client.createOrder(other);
  return {
    first,
    judged: [judged, judgedAs(t, conflict, { kind: 'conflict', first }, other, 'same out_order_no, other attach')],
  };
}
