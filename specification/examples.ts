import type { OpenAPIV3_1 } from 'openapi-types';
import { ENDPOINT_PATH, specDocument } from './document';

type Examples = Record<string, OpenAPIV3_1.ExampleObject>;

function operation(): OpenAPIV3_1.OperationObject {
  const op = specDocument().paths?.[ENDPOINT_PATH]?.post;
  if (op === undefined) throw new Error(`openapi.yaml has no POST ${ENDPOINT_PATH}`);
  return op;
}

function valuesOf(examples: Examples | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(examples ?? {}).map(([name, ex]) => [name, structuredClone(ex.value)]));
}

/** The request body examples of openapi.yaml by name (deep copies). */
export function requestExamples(): Record<string, unknown> {
  const body = operation().requestBody as OpenAPIV3_1.RequestBodyObject;
  return valuesOf(body.content['application/json']?.examples as Examples);
}

/** The response examples of the operation: per status, per example name (deep copies). */
export function responseExamples(): Array<{ status: number; name: string; value: unknown }> {
  const doc = specDocument();
  return Object.entries(operation().responses ?? {}).flatMap(([status, response]) => {
    const ref = (response as { $ref?: string }).$ref;
    const resolved = (
      ref === undefined ? response : doc.components?.responses?.[ref.split('/').pop() ?? '']
    ) as OpenAPIV3_1.ResponseObject;
    const examples = valuesOf(resolved.content?.['application/json']?.examples as Examples);
    return Object.entries(examples).map(([name, value]) => ({ status: Number(status), name, value }));
  });
}

/** The statuses the operation documents. */
export function documentedStatuses(): number[] {
  return Object.keys(operation().responses ?? {}).map(Number);
}
