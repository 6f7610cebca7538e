import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { OpenAPIV3_1 } from 'openapi-types';
import { PACKAGE_ROOT } from './packageRoot';
import type { Basis, RuleDeclaration } from './rule';
import { keep, readTrusted, tempCachePath } from './tempCache';

export type { RuleDeclaration } from './rule';

/** The path of the specification every other module derives from. */
export const OPENAPI_PATH = join(PACKAGE_ROOT, 'openapi.yaml');
export const ENDPOINT_PATH = '/v3/payscore/acquiringbank/serviceorder';
/** The platform certificate download (facts §11) the sandbox serves beside the endpoint. */
export const CERTIFICATES_PATH = '/v3/certificates';

export interface ErrorCodeDeclaration {
  status: number;
  code: string;
  basis: Basis;
  when: string;
}

/** openapi.yaml as typed here: the OpenAPI 3.1 document plus this project's root extensions. */
export type SpecDocument = OpenAPIV3_1.Document & {
  'x-rules': RuleDeclaration[];
  'x-rule-families': RuleDeclaration[];
  'x-error-codes': ErrorCodeDeclaration[];
};

let cached: { document: SpecDocument; hash: string } | undefined;

/**
 * openapi.yaml parsed, through a JSON copy in the temp folder named by the text's hash. Parsing the
 * YAML takes ~0.2 s and Jest loads this module again for every test file (a conformance run has
 * eight module registries, `npm test` hundreds); reading the JSON takes ~1 ms. The copy is only
 * written when JSON holds the parsed document exactly, and a missing or unreadable copy is parsed anew.
 */
function parseSpec(text: string, hash: string): SpecDocument {
  const copy = tempCachePath(`openapi-${hash}.json`);
  const kept = readTrusted(copy);
  if (kept !== undefined) {
    try {
      return JSON.parse(kept) as SpecDocument;
    } catch {
      // A torn copy: parse the YAML below.
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point: with the copy, no registry loads yaml (72 files)
  const { parse } = require('yaml') as typeof import('yaml');
  const document = parse(text) as SpecDocument;
  const json = JSON.stringify(document);
  if (isDeepStrictEqual(JSON.parse(json), document)) keep(copy, json);
  return document;
}

function load(): { document: SpecDocument; hash: string } {
  if (cached === undefined) {
    const text = readFileSync(OPENAPI_PATH, 'utf8');
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 32);
    cached = { document: parseSpec(text, hash), hash };
  }
  return cached;
}

/** The hash of openapi.yaml's text: what is derived from it and kept between processes is named by it. */
export function specHash(): string {
  return load().hash;
}

/** Loads and parses openapi.yaml once per process (once per test file under Jest). */
export function specDocument(): SpecDocument {
  return load().document;
}

/** A schema node as found in the document (JSON Schema 2020-12 plus x- annotations). */
export type SchemaNode = Record<string, unknown>;

/** Resolves a JSON Pointer ('#/components/schemas/X' or '/a/b') inside a JSON value. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  const segments = pointer.replace(/^#/, '').split('/').slice(1).map(unescapeSegment);
  let node: unknown = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

export function unescapeSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The schema a component name stands for, e.g. componentSchema('RiskFund'). */
export function componentSchema(name: string): SchemaNode {
  const node = specDocument().components?.schemas?.[name];
  if (node === undefined) throw new Error(`openapi.yaml has no components.schemas.${name}`);
  return node as SchemaNode;
}
