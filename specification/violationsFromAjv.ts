import type { ErrorObject } from 'ajv';
import { componentSchema, escapeSegment, resolvePointer, specDocument, type SchemaNode } from './document';
import { fieldPathOf, typeRuleId } from './fields';
import type { Violation } from './rule';

/** The schema nodes from the validated root down to the node holding the failing keyword. */
function schemaChain(rootName: string, schemaPath: string): SchemaNode[] {
  // Inside a $ref ajv reports the path from the document root ('#/components/schemas/X/…');
  // otherwise from the compiled component.
  const absolute = schemaPath.startsWith('#/components/');
  const root: unknown = absolute ? specDocument() : componentSchema(rootName);
  const segments = schemaPath.replace(/^#/, '').split('/').slice(1, -1);
  const chain: SchemaNode[] = [];
  let node: unknown = root;
  if (!absolute) chain.push(node as SchemaNode);
  for (let i = 0; i < segments.length; i++) {
    node = resolvePointer(node, `/${segments[i]}`);
    if (node !== null && typeof node === 'object') chain.push(node as SchemaNode);
  }
  return chain;
}

function ruleOfProperty(holder: SchemaNode, property: string): string | undefined {
  const properties = holder['properties'] as Record<string, SchemaNode> | undefined;
  const rule = properties?.[property]?.['x-rule'];
  return typeof rule === 'string' ? rule : undefined;
}

/** Maps one ajv error to the rule it proves, by the nearest x-rule annotation. */
export function ruleOfError(rootName: string, error: ErrorObject): string {
  const chain = schemaChain(rootName, error.schemaPath);
  const holder = chain[chain.length - 1];
  const byKeyword = holder?.['x-rule-by-keyword'] as Record<string, string> | undefined;
  if (error.keyword === 'type') {
    if (error.instancePath === '') return 'BODY-NOT-OBJECT';
    if (error.data === null) return 'TYPE-NULL';
    return byKeyword?.['type'] ?? typeRuleId(fieldPathOf(error.instancePath));
  }
  const keywordRule = byKeyword?.[error.keyword];
  if (keywordRule !== undefined) return keywordRule;
  if (error.keyword === 'required' && holder !== undefined) {
    const propertyRule = ruleOfProperty(holder, String(error.params['missingProperty']));
    if (propertyRule !== undefined) return propertyRule;
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const rule = chain[i]?.['x-rule'];
    if (typeof rule === 'string') return rule;
  }
  return 'SCHEMA-UNMAPPED';
}

function pointerOfError(error: ErrorObject): string {
  const missing = error.params['missingProperty'];
  if ((error.keyword === 'required' || error.keyword === 'dependentRequired') && typeof missing === 'string') {
    const named = error.keyword === 'dependentRequired' ? String(error.params['property']) : missing;
    return `${error.instancePath}/${escapeSegment(named)}`;
  }
  return error.instancePath;
}

/**
 * At most this many violations are listed for one body (BODY-COST-BOUND): a list is for people and
 * reports, and mapping a million ajv errors took seconds.
 */
export const MAX_VIOLATIONS = 100;

/** ajv's errors as violations, one per (rule, pointer), in the order ajv found them; at most MAX_VIOLATIONS. */
export function violationsFromAjv(rootName: string, errors: ErrorObject[] | null | undefined): Violation[] {
  const seen = new Set<string>();
  const out: Violation[] = [];
  // A value of the wrong type fails its other keywords too (enum, pattern): the type rule alone is the fact.
  const mistyped = new Set((errors ?? []).filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const error of errors ?? []) {
    if (out.length >= MAX_VIOLATIONS) break;
    // `if` only repeats that its `then` failed; the `then` errors carry the facts.
    if (error.keyword === 'if') continue;
    if (error.keyword !== 'type' && mistyped.has(error.instancePath)) continue;
    const violation = {
      ruleId: ruleOfError(rootName, error),
      pointer: pointerOfError(error),
      message: describe(error),
    };
    const key = `${violation.ruleId} ${violation.pointer}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(violation);
    }
  }
  return out;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'body' : error.instancePath;
  return `${where} ${error.message ?? error.keyword}`;
}
