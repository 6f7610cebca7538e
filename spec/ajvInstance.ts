import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { specDocument } from './document';

const DOCUMENT_ID = 'openapi.json';

// OpenAPI's own keywords and this project's annotations are declared, so strict mode stays on
// and a misspelt JSON Schema keyword in openapi.yaml is still an error.
const ANNOTATION_KEYWORDS = [
  'openapi', 'info', 'servers', 'paths', 'webhooks', 'components', 'tags', 'security',
  'externalDocs', 'jsonSchemaDialect', 'example', 'xml', 'discriminator',
  'x-rules', 'x-rule-families', 'x-error-codes', 'x-rule', 'x-rule-by-keyword', 'x-repeatable-names',
];

let cached: Ajv2020 | undefined;

function ajv(): Ajv2020 {
  if (cached === undefined) {
    // strictRequired is off: the cross-field branches (`oneOf: [{required: [openid]}, …]`) name
    // properties declared on the parent schema, which strictRequired cannot see.
    cached = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, verbose: true });
    addFormats(cached);
    for (const keyword of ANNOTATION_KEYWORDS) cached.addKeyword(keyword);
    cached.addSchema(specDocument(), DOCUMENT_ID);
  }
  return cached;
}

/** The compiled validator of a component schema, e.g. componentValidator('RiskFund'). */
export function componentValidator(name: string): ValidateFunction {
  const validate = ajv().getSchema(`${DOCUMENT_ID}#/components/schemas/${name}`);
  if (validate === undefined) throw new Error(`openapi.yaml has no components.schemas.${name}`);
  return validate;
}
