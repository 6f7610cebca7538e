import { IDENTITY_FIELDS, specDocument, TYPE_PROPERTY_NAMES } from '.';

// The TypeScript shapes in specification/types.ts are written by hand; this keeps them in step with openapi.yaml.
describe('specification/types.ts agrees with openapi.yaml', () => {
  it.each(Object.entries(TYPE_PROPERTY_NAMES))('%s has exactly the schema properties', (name, properties) => {
    const schema = specDocument().components?.schemas?.[name] as { properties?: Record<string, unknown> };
    expect([...properties].sort()).toEqual(Object.keys(schema.properties ?? {}).sort());
  });
});

describe('IDENTITY_FIELDS', () => {
  it('names only request properties, each once', () => {
    const properties = Object.keys(
      (specDocument().components?.schemas?.['CreateOrderRequest'] as { properties: object }).properties,
    );
    expect(IDENTITY_FIELDS.filter((f) => !properties.includes(f))).toEqual([]);
    expect(new Set(IDENTITY_FIELDS).size).toBe(IDENTITY_FIELDS.length);
  });
});
