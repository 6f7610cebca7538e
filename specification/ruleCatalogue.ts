import { specDocument, type SchemaNode } from './document';
import { requestFields, typeRuleId } from './fields';
import type { Rule } from './rule';

/** Every place in the document that names a rule through x-rule or x-rule-by-keyword. */
export function ruleReferences(): Array<{ ruleId: string; location: string }> {
  const found: Array<{ ruleId: string; location: string }> = [];
  const visit = (node: unknown, location: string): void => {
    if (node === null || typeof node !== 'object') return;
    const schema = node as SchemaNode;
    if (typeof schema['x-rule'] === 'string') found.push({ ruleId: schema['x-rule'], location });
    const byKeyword = schema['x-rule-by-keyword'] as Record<string, string> | undefined;
    for (const ruleId of Object.values(byKeyword ?? {})) found.push({ ruleId, location });
    for (const [key, child] of Object.entries(schema)) {
      if (!key.startsWith('x-rule')) visit(child, `${location}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  visit(specDocument().components, '/components');
  return found;
}

/** A field whose type rule is named explicitly (x-rule-by-keyword.type) is no TYPE-* member. */
const hasNoOwnTypeRule = (field: { schema: SchemaNode }): boolean =>
  (field.schema['x-rule-by-keyword'] as Record<string, string> | undefined)?.['type'] === undefined;

function buildCatalogue(): Rule[] {
  const doc = specDocument();
  const references = ruleReferences();
  const declared: Rule[] = doc['x-rules'].map((r) => ({
    ...r,
    locations: references.filter((ref) => ref.ruleId === r.id).map((ref) => ref.location),
  }));
  const expanded: Rule[] = doc['x-rule-families'].flatMap((family) =>
    requestFields()
      .filter(hasNoOwnTypeRule)
      .map((field) => ({
        ...family,
        id: typeRuleId(field.path),
        text: `${field.path} is of JSON type ${field.type}; any other type is a violation.`,
        family: family.id,
        field: field.path,
        locations: [field.location],
      })),
  );
  return [...declared, ...expanded];
}

let cached: Rule[] | undefined;

/** The rule catalogue: every rule of openapi.yaml, TYPE-* expanded per field. */
export function ruleCatalogue(): Rule[] {
  cached ??= buildCatalogue();
  return cached;
}

/** The rule with this id; throws for an unknown id so a typo never passes silently. */
export function rule(id: string): Rule {
  const found = ruleCatalogue().find((r) => r.id === id);
  if (found === undefined) throw new Error(`unknown rule id ${id}: not in openapi.yaml x-rules`);
  return found;
}

export function isRuleId(id: string): boolean {
  return ruleCatalogue().some((r) => r.id === id);
}
