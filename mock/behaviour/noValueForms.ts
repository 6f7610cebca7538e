import { specDocument, type SchemaNode } from '../../specification';

// How serialisers write an optional field that has no value (RESP-ABSENT-FORM): the shapes the
// readings null-for-absent-fields, empty-for-absent-fields and omit-empty-fields give a 200 body.

type Json = Record<string, unknown>;
/** The JSON kind of a property, as openapi.yaml types it. */
export type Kind = 'string' | 'number' | 'array' | 'object';
/** What a serialiser writes for a property of this kind (and, for an object, its schema name) with no value. */
export type NoValueForm = (kind: Kind, objectType: string | undefined) => unknown;

const schemas = (): Record<string, SchemaNode> =>
  (specDocument().components?.schemas ?? {}) as Record<string, SchemaNode>;
const refName = (node: SchemaNode | undefined): string | undefined => {
  const ref = (node?.['$ref'] ?? (node?.['items'] as SchemaNode | undefined)?.['$ref']) as string | undefined;
  return ref?.split('/').pop();
};

/** The optional properties of a schema, with their kind and (objects, arrays) the schema of their members. */
function optionalProperties(type: string): Array<{ name: string; kind: Kind; memberType: string | undefined }> {
  const schema = schemas()[type] ?? {};
  const required = (schema['required'] as string[] | undefined) ?? [];
  const properties = (schema['properties'] ?? {}) as Record<string, SchemaNode>;
  return Object.entries(properties)
    .filter(([name]) => !required.includes(name))
    .map(([name, node]) => {
      const memberType = refName(node);
      const declared = node['type'] ?? (memberType === undefined ? undefined : 'object');
      const kind: Kind = declared === 'array' || declared === 'object' || declared === 'string' ? declared : 'number';
      return { name, kind, memberType };
    });
}

/** `value` (an object of schema `type`) with every optional property it lacks written as `form` gives it, at every depth. */
export function fillNoValue(value: Json, type: string, form: NoValueForm): Json {
  const out: Json = { ...value };
  for (const { name, kind, memberType } of optionalProperties(type)) {
    const present = out[name];
    if (present === undefined) {
      const written = form(kind, memberType);
      if (written !== undefined) out[name] = written;
    } else if (memberType !== undefined && Array.isArray(present)) {
      out[name] = present.map((item) => fillNoValue(item as Json, memberType, form));
    } else if (memberType !== undefined && typeof present === 'object' && present !== null) {
      out[name] = fillNoValue(present as Json, memberType, form);
    }
  }
  return out;
}

/** `value` with every "" and [] member dropped, at every depth (Go's omitempty). */
export function omitEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(omitEmpty);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== '' && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => [k, omitEmpty(v)]),
  );
}

/** Jackson's default (Include.ALWAYS): null. */
export const JACKSON_NULL: NoValueForm = () => null;
/** Go without omitempty: "" for a string, null for a nil slice or pointer, a zero struct for a struct value. */
export const GO_ZERO: NoValueForm = (kind, objectType) => {
  if (kind === 'string') return '';
  if (kind === 'object' && objectType !== undefined) return fillNoValue({}, objectType, GO_ZERO);
  return null;
};
