import fc from 'fast-check';
import type { CreateOrderRequest } from '../specification';
import { edges } from './edge';
import { finalize } from './finalize';
import { resolveConstraints } from './resolveConstraints';
import type { RequestConstraints } from './requestConstraints';
import { validRequest } from './validRequest';

/**
 * Valid requests pinned at a random combination of edges (those of boundaryCases), on top of a
 * random valid request. Shrinking drops edges and simplifies the valid part.
 */
export function boundaryRequest(constraints: RequestConstraints): fc.Arbitrary<CreateOrderRequest> {
  const c = resolveConstraints(constraints);
  const all = edges(c);
  return fc.tuple(validRequest(constraints), fc.subarray(all, { minLength: 1, maxLength: 4 })).map(([base, pinned]) =>
    finalize(
      pinned.reduce((r, e) => e.apply(r, c), base),
      c,
    ),
  );
}
