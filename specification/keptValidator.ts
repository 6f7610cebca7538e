import type Ajv2020 from 'ajv/dist/2020';
import type { Options, ValidateFunction } from 'ajv';
import { createHash } from 'node:crypto';
import { keep, readTrusted, tempCachePath } from './tempCache';

// Compiling a JSON Schema takes ajv ~50-150 ms, and Jest loads every module again for each test file
// (a conformance run has eight module registries, `npm test` hundreds). So the code ajv writes for a
// validator (its standalone code) is kept in the temp folder, named by the hash of what it was compiled
// from, and a later registry loads it in ~1 ms, without loading ajv's compiler at all.

/* eslint-disable @typescript-eslint/no-require-imports -- lazy loads are the point: a kept validator needs none */
// The kept code requires ajv's runtime and ajv-formats' formats by name: a new version of either compiles anew.
const ajvVersion = (): string =>
  ['ajv', 'ajv-formats'].map((p) => (require(`${p}/package.json`) as { version: string }).version).join(' ');

/** How newAjv and moduleOf write and read kept code: change it with either, so that no older file is read. */
const KEPT_FORM = 1;

/** A new ajv (draft 2020-12, ajv-formats) that can write the code of what it compiles. */
export function newAjv(options: Options): Ajv2020 {
  const Ajv = (require('ajv/dist/2020') as typeof import('ajv/dist/2020')).default;
  const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
  const { _ } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv({
    ...options,
    code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
  });
  addFormats(ajv);
  return ajv;
}

/** Runs a validator's standalone code as a module of this folder (its requires resolve from here). */
function moduleOf(code: string): ValidateFunction {
  const module = { exports: {} as { default?: ValidateFunction } };
  // The code ajv wrote for this very schema (standaloneCode), as ajv itself evaluates what it compiles.
  new Function('require', 'module', 'exports', code)(require, module, module.exports);
  const validate = module.exports.default ?? (module.exports as unknown as ValidateFunction);
  if (typeof validate !== 'function') throw new Error('a kept validator exports no function');
  return validate;
}

/**
 * The validator `compile` makes, or the code it wrote in an earlier process. `from` must name all it is
 * compiled from (the schema or its hash, and the options): the kept code is found by its hash and the
 * ajv version, so a change to either compiles anew.
 */
export function keptValidator(
  from: unknown,
  compile: () => { ajv: Ajv2020; validate: ValidateFunction },
): ValidateFunction {
  const key = createHash('sha256')
    .update(JSON.stringify([from, ajvVersion(), KEPT_FORM]))
    .digest('hex')
    .slice(0, 32);
  const path = tempCachePath(`ajv-${key}.js`);
  const kept = readTrusted(path);
  if (kept !== undefined) {
    try {
      return moduleOf(kept);
    } catch {
      // A torn or foreign file: compile below.
    }
  }
  const { ajv, validate } = compile();
  const standaloneCode = (require('ajv/dist/standalone') as typeof import('ajv/dist/standalone')).default;
  keep(path, standaloneCode(ajv, validate));
  return validate;
}
/* eslint-enable @typescript-eslint/no-require-imports */
