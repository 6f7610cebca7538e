import type { OpenAPIV3_1 } from 'openapi-types';
import { ENDPOINT_PATH, resolvePointer, specDocument, type SchemaNode } from '../../specification';

/** A response header as openapi.yaml documents it. */
export interface DocumentedHeader {
  name: string;
  required: boolean;
  schema: SchemaNode;
}

let cached: DocumentedHeader[] | undefined;

/**
 * The headers documented on the 200 answer (Request-ID and the four Wechatpay-*). RESP-REQUEST-ID
 * and RESP-SIGNED say every response carries them, errors included, so they apply to every status.
 */
export function documentedResponseHeaders(): DocumentedHeader[] {
  if (cached !== undefined) return cached;
  const doc = specDocument();
  const ok = doc.paths?.[ENDPOINT_PATH]?.post?.responses?.['200'] as OpenAPIV3_1.ResponseObject | undefined;
  cached = Object.entries(ok?.headers ?? {}).map(([name, node]) => {
    const ref = (node as { $ref?: string }).$ref;
    const header = (ref === undefined ? node : resolvePointer(doc, ref)) as OpenAPIV3_1.HeaderObject;
    return { name, required: header.required === true, schema: (header.schema ?? {}) as SchemaNode };
  });
  return cached;
}
