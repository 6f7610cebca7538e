import {
  limits,
  requestField,
  requestFields,
  resolvePointer,
  specDocument,
  typeRuleId,
  type FieldInfo,
  type SchemaNode,
} from '../specification';

/** Follows a $ref inside openapi.yaml (the specification module keeps its own deref private). */
export function derefSchema(node: SchemaNode): SchemaNode {
  const ref = node['$ref'];
  return typeof ref === 'string' ? (resolvePointer(specDocument(), ref) as SchemaNode) : node;
}

function requestSchema(): SchemaNode {
  return specDocument().components?.schemas?.['CreateOrderRequest'] as SchemaNode;
}

/** '/post_payments/*\/name' → '/post_payments/*'; '/risk_fund' → ''. */
export function parentPath(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/** The object schema holding a field path's properties ('' is the request itself). */
export function objectSchemaAt(path: string): SchemaNode {
  if (path === '') return requestSchema();
  if (path.endsWith('/*')) {
    const array = derefSchema(fieldOrThrow(path.slice(0, -2)).schema);
    return derefSchema(array['items'] as SchemaNode);
  }
  return derefSchema(fieldOrThrow(path).schema);
}

function fieldOrThrow(path: string): FieldInfo {
  const field = requestField(path);
  if (field === undefined) throw new Error(`openapi.yaml has no request field ${path}`);
  return field;
}

/** Whether the field's parent object lists it in `required`. */
export function isRequired(path: string): boolean {
  const required = objectSchemaAt(parentPath(path))['required'] as string[] | undefined;
  return required?.includes(path.slice(path.lastIndexOf('/') + 1)) ?? false;
}

/** The rule a field's keyword proves: x-rule-by-keyword first, then the field's x-rule. */
export function ruleOfField(path: string, keyword?: string): string {
  const node = fieldOrThrow(path).schema;
  const byKeyword = node['x-rule-by-keyword'] as Record<string, string> | undefined;
  const id = (keyword === undefined ? undefined : byKeyword?.[keyword]) ?? node['x-rule'];
  if (typeof id !== 'string') throw new Error(`openapi.yaml names no rule for ${path} ${keyword ?? ''}`);
  return id;
}

/** The rule a wrong JSON type breaks: the field's own (x-rule-by-keyword.type) or its TYPE-* member. */
export function typeRuleOf(path: string): string {
  const byKeyword = fieldOrThrow(path).schema['x-rule-by-keyword'] as Record<string, string> | undefined;
  return byKeyword?.['type'] ?? typeRuleId(path);
}

/** Payment names that may repeat within an order (x-repeatable-names). */
export function repeatablePaymentNames(): readonly string[] {
  return limits().repeatablePaymentNames;
}

/** The characters out_order_no may use, read off its pattern (printable ASCII tested one by one). */
export function outOrderNoAlphabet(): { allowed: string[]; specials: string[] } {
  const pattern = new RegExp(limits().outOrderNoPattern);
  const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
  const allowed = ascii.filter((c) => pattern.test(c));
  return { allowed, specials: allowed.filter((c) => !/[0-9A-Za-z]/.test(c)) };
}

/** Fields of the request in document order, for walks over the schema. */
export const fields = (): FieldInfo[] => requestFields();
