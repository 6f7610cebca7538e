import { specDocument } from '../specification';
import { interactionResult, type InteractionResult } from './interactionResult';
import type { PactDocument } from './pactFile';

/** The part of @pactflow/openapi-pact-comparator's result the report reads. */
interface ComparatorResult {
  type: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  mockDetails?: { location?: string; value?: unknown };
}

type CompareFn = (pact: unknown) => AsyncIterable<ComparatorResult>;

// The package's own .d.ts re-exports a folder (`export * from "./compare"`), which nodenext
// resolution cannot follow; this is the part of its API used here (as in specification/pactflowComparator.test.ts).
function comparator(): CompareFn {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Comparator } = require('@pactflow/openapi-pact-comparator') as {
    Comparator: new (options: { oas: unknown }) => { compare: CompareFn };
  };
  // A deep copy: the comparator annotates the document it is given.
  const instance = new Comparator({ oas: structuredClone(specDocument()) });
  return (pact) => instance.compare(pact);
}

const LOCATION = /^\[root\]\.interactions\[(\d+)\]\.(request|response)\.?([A-Za-z]*)(.*)$/;

/** Where a result points, as `response $.order_id`, `request header Content-Type`, `response status`. */
export function fieldOf(location: string | undefined): { index?: number; field: string } {
  const m = location === undefined ? null : LOCATION.exec(location);
  if (m === null) return { field: location ?? '(the pact)' };
  const [, index = '', side = '', part = '', rest = ''] = m;
  const tail = rest.replace(/^\./, '');
  const field =
    part === 'body'
      ? `${side} $${rest}`
      : part === 'headers'
        ? `${side} header ${tail}`
        : `${side}${part === '' ? '' : ` ${part}`}${tail === '' ? '' : ` ${tail}`}`;
  return { index: Number(index), field };
}

/**
 * Stage `openapi`: the pact's interactions against openapi.yaml through the engine of bi-directional
 * contract testing (PactFlow), @pactflow/openapi-pact-comparator. An error fails its interaction; a
 * warning is kept as a note.
 */
export async function compareWithOpenapi(pact: PactDocument): Promise<InteractionResult[]> {
  const results = pact.interactions.map((interaction) => interactionResult('openapi', interaction));
  for await (const found of comparator()(pact)) {
    const { index, field } = fieldOf(found.mockDetails?.location);
    const target = index === undefined ? undefined : results[index];
    const value =
      found.mockDetails?.value === undefined ? '' : ` (the pact has ${JSON.stringify(found.mockDetails.value)})`;
    const message = `${found.message}${value} [${found.code}]`;
    for (const result of target === undefined ? results : [target]) {
      if (found.type === 'error') {
        result.passed = false;
        result.differences.push({ field, message });
      } else if (found.type === 'warning') result.notes.push(`${field}: ${message}`);
    }
  }
  return results;
}
