import type { ValidateFunction } from 'ajv';
import { specDocument, specHash } from './document';
import { keptValidator, newAjv } from './keptValidator';

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

type Ajv = import('ajv/dist/2020').default;

// strictRequired is off: the cross-field branches (`oneOf: [{required: [openid]}, …]`) name
// properties declared on the parent schema, which strictRequired cannot see.
const optionsOf = (mode: ErrorMode) =>
  ({ strict: true, strictRequired: false, allErrors: mode === 'all', verbose: true }) as const;

const instances = new Map<ErrorMode, Ajv>();

/** The ajv instance of a mode, with openapi.yaml added. */
function ajv(mode: ErrorMode): Ajv {
  let instance = instances.get(mode);
  if (instance === undefined) {
    instance = newAjv(optionsOf(mode));
    for (const keyword of ANNOTATION_KEYWORDS) instance.addKeyword(keyword);
    instance.addSchema(specDocument(), DOCUMENT_ID);
    instances.set(mode, instance);
  }
  return instance;
}

/** A component's validator, kept between processes under the hash of openapi.yaml (keptValidator.ts). */
function validatorOf(name: string, mode: ErrorMode): ValidateFunction {
  return keptValidator([specHash(), name, optionsOf(mode), ANNOTATION_KEYWORDS], () => {
    const instance = ajv(mode);
    const validate = instance.getSchema(`${DOCUMENT_ID}#/components/schemas/${name}`);
    if (validate === undefined) throw new Error(`openapi.yaml has no components.schemas.${name}`);
    return { ajv: instance, validate };
  });
}

const validators = new Map<string, ValidateFunction>();
/**
 * The compiled validator of a component schema, e.g. componentValidator('RiskFund'). With 'first'
 * it stops at the first error: its cost is bounded by the path to that error, not by the body.
 */
export function componentValidator(name: string, mode: ErrorMode = 'all'): ValidateFunction {
  const key = `${mode} ${name}`;
  let validate = validators.get(key);
  if (validate === undefined) {
    validate = validatorOf(name, mode);
    validators.set(key, validate);
  }
  return validate;
}
