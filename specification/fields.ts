import { componentSchema, escapeSegment, resolvePointer, specDocument, type SchemaNode } from './document';

/** A field of the request body: its pointer pattern ('*' for array items) and its schema. */
export interface FieldInfo {
  /** e.g. '/post_payments/*\/amount' */
  path: string;
  /** JSON type(s) the schema declares for the field. */
  type: string;
  schema: SchemaNode;
  /** Pointer into openapi.yaml of the field's schema node. */
  location: string;
}

/** Follows a `$ref` (siblings such as x-rule stay on the referencing node). */
export function deref(node: SchemaNode): { schema: SchemaNode; location?: string } {
  const ref = node['$ref'];
  if (typeof ref !== 'string') return { schema: node };
  return { schema: resolvePointer(specDocument(), ref) as SchemaNode, location: ref.slice(1) };
}

function collect(node: SchemaNode, location: string, path: string, out: FieldInfo[]): void {
  const { schema, location: refLocation } = deref(node);
  const here = refLocation ?? location;
  const properties = schema['properties'] as Record<string, SchemaNode> | undefined;
  for (const [name, child] of Object.entries(properties ?? {})) {
    const childPath = `${path}/${escapeSegment(name)}`;
    const childLocation = `${here}/properties/${escapeSegment(name)}`;
    const { schema: target } = deref(child);
    out.push({ path: childPath, type: String(target['type'] ?? 'any'), schema: child, location: childLocation });
    if (target['type'] === 'object') collect(child, childLocation, childPath, out);
    const items = target['items'] as SchemaNode | undefined;
    if (target['type'] === 'array' && items !== undefined) {
      collect(items, `${deref(child).location ?? childLocation}/items`, `${childPath}/*`, out);
    }
  }
}

let cached: FieldInfo[] | undefined;

/** Every field of CreateOrderRequest, nested ones included, in document order. */
export function requestFields(): FieldInfo[] {
  if (cached === undefined) {
    cached = [];
    collect(componentSchema('CreateOrderRequest'), '/components/schemas/CreateOrderRequest', '', cached);
  }
  return cached;
}

/** The field path of an instance pointer: array indexes become '*'. */
export function fieldPathOf(instancePointer: string): string {
  return instancePointer
    .split('/')
    .map((s) => (/^\d+$/.test(s) ? '*' : s))
    .join('/');
}

/** TYPE-* family member for a field: '/risk_fund/amount' → 'TYPE-RISK-FUND-AMOUNT'. */
export function typeRuleId(fieldPath: string): string {
  const words = fieldPath.split('/').filter((s) => s !== '' && s !== '*');
  return `TYPE-${words.join('-').replace(/_/g, '-').toUpperCase()}`;
}

/** The field named by a path pattern, or undefined. */
export function requestField(path: string): FieldInfo | undefined {
  return requestFields().find((f) => f.path === path);
}
