import type { ErrorObject } from 'ajv';
import { deref, requestFields } from './fields';

interface ArrayLimit {
  /** Field path pattern, '*' for array items: '/post_payments'. */
  segments: string[];
  maxItems: number;
  /** Pointer into openapi.yaml of the array's schema node. */
  location: string;
}

let cached: ArrayLimit[] | undefined;
const arrayLimits = (): ArrayLimit[] =>
  (cached ??= requestFields().flatMap((f) => {
    const maxItems = deref(f.schema).schema['maxItems'];
    return typeof maxItems === 'number'
      ? [{ segments: f.path.split('/').slice(1), maxItems, location: deref(f.schema).location ?? f.location }]
      : [];
  }));

/** The instances of a field path pattern in a body, with their concrete pointers. */
function instances(
  value: unknown,
  segments: readonly string[],
  pointer = '',
): Array<{ pointer: string; value: unknown }> {
  const [head, ...rest] = segments;
  if (head === undefined) return [{ pointer, value }];
  if (head === '*') {
    return Array.isArray(value) ? value.flatMap((item, i) => instances(item, rest, `${pointer}/${i}`)) : [];
  }
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    !Object.prototype.hasOwnProperty.call(value, head)
  )
    return [];
  return instances((value as Record<string, unknown>)[head], rest, `${pointer}/${head}`);
}

/**
 * The first array of the body longer than its maxItems, as the error ajv would report, found before
 * ajv runs (BODY-COST-BOUND): an overlong array is then never walked item by item. Outer arrays come
 * first (document order), so an inner walk only ever crosses arrays within their limits.
 */
export function overlongArray(body: unknown): ErrorObject | undefined {
  for (const limit of arrayLimits()) {
    for (const found of instances(body, limit.segments)) {
      if (!Array.isArray(found.value) || found.value.length <= limit.maxItems) continue;
      return {
        keyword: 'maxItems',
        instancePath: found.pointer,
        schemaPath: `#${limit.location}/maxItems`,
        params: { limit: limit.maxItems },
        message: `must NOT have more than ${limit.maxItems} items`,
        data: found.value,
      };
    }
  }
  return undefined;
}
