import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { PACKAGE_ROOT } from '../specification';

/** The JSON Schema of conformance-report.json, published in the package (schemas/). */
export const REPORT_SCHEMA_PATH = join(PACKAGE_ROOT, 'schemas', 'conformance-report.schema.json');

let validator: ValidateFunction | undefined;

/** The problems of a conformance-report.json value against the published schema ([] when it conforms). */
export function reportSchemaProblems(report: unknown): string[] {
  if (validator === undefined) {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8')) as object);
  }
  return validator(report) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
