import fc from 'fast-check';
import { validRequest, withUniqueOutOrderNo, type RequestConstraints } from '../../generators';
import type { CreateOrderRequest } from '../../specification';
import { nextOrderCounter } from './orderCounter';
import type { TargetHandle } from './target';

/**
 * A valid request with a fresh out_order_no, for suites that break a rule outside the body
 * (signatures, headers, idempotency). `index` picks one of `seed`'s samples, so it replays.
 */
export function sampleValid(
  target: TargetHandle,
  index: number,
  overrides: Partial<CreateOrderRequest> = {},
): CreateOrderRequest {
  return sampleValidFor(target.constraints(), target.options.seed + index, overrides);
}

/** sampleValid for other constraints (a private mock's identities) and an explicit seed. */
export function sampleValidFor(
  constraints: RequestConstraints,
  seed: number,
  overrides: Partial<CreateOrderRequest> = {},
): CreateOrderRequest {
  const samples = fc.sample(validRequest(constraints), { seed, numRuns: 1 });
  const sample = samples[0];
  if (sample === undefined) throw new Error('validRequest produced no sample');
  return withUniqueOutOrderNo({ ...sample, ...overrides }, nextOrderCounter());
}
