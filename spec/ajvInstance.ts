import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { specDocument } from './document';

const DOCUMENT_ID = 'openapi.json';

// OpenAPI's own keywords and this project's annotations are declared, so strict mode stays on
// and a misspelt JSON Schema keyword in openapi.yaml is still an error.
const ANNOTATION_KEYWORDS = [
  'openapi',
  'info',
  'servers',
  'paths',
  'webhooks',
  'components',
  'tags',
  'security',
  'externalDocs',
  'jsonSchemaDialect',
  'example',
  'xml',
  'discriminator',
  'x-rules',
  'x-rule-families',
  'x-error-codes',
  'x-rule',
  'x-rule-by-keyword',
  'x-repeatable-names',
];

/** Every error (checks and reports list them, capped) or the first one only (what an answer needs). */
export type ErrorMode = 'all' | 'first';

const cached = new Map<ErrorMode, Ajv2020>();

function ajv(mode: ErrorMode): Ajv2020 {
  let instance = cached.get(mode);
  if (instance === undefined) {
    // strictRequired is off: the cross-field branches (`oneOf: [{required: [openid]}, …]`) name
    // properties declared on the parent schema, which strictRequired cannot see.
    instance = new Ajv2020({ strict: true, strictRequired: false, allErrors: mode === 'all', verbose: true });
    addFormats(instance);
    for (const keyword of ANNOTATION_KEYWORDS) instance.addKeyword(keyword);
    instance.addSchema(specDocument(), DOCUMENT_ID);
    cached.set(mode, instance);
  }
  return instance;
}

/**
 * The compiled validator of a component schema, e.g. componentValidator('RiskFund'). With 'first'
 * it stops at the first error: its cost is bounded by the path to that error, not by the body.
 */
export function componentValidator(name: string, mode: ErrorMode = 'all'): ValidateFunction {
  const validate = ajv(mode).getSchema(`${DOCUMENT_ID}#/components/schemas/${name}`);
  if (validate === undefined) throw new Error(`openapi.yaml has no components.schemas.${name}`);
  return validate;
}
