// componentValidator() keeps the code ajv writes for each validator in the temp folder (specification/ajvInstance.ts):
// a kept validator must judge exactly as a freshly compiled one, errors and all, and a file another
// user could have written is never run.
import { chmodSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { requestExamples, responseExamples } from '.';

type Instance = typeof import('./ajvInstance');

/** The ajv module of a fresh module registry, as a new Jest test file or process sees it. */
function fresh(): Instance {
  let loaded: Instance | undefined;
  jest.isolateModules(() => {
    loaded = jest.requireActual<Instance>('./ajvInstance');
  });
  return loaded!;
}

const keptFiles = (): string[] =>
  readdirSync(tmpdir()).filter((f) => f.startsWith('payscore-conformance-ajv-') && f.endsWith('.js'));

const CASES: Array<[string, 'all' | 'first']> = [
  ['CreateOrderRequest', 'all'],
  ['CreateOrderRequest', 'first'],
  ['CreateOrderResponse', 'all'],
  ['Error', 'all'],
];

// The examples of openapi.yaml, and each with one field (at any depth) replaced by anything: most break
// a rule, many several, in every field (fast-check picks the field and the value).
const examples: unknown[] = [...Object.values(requestExamples()), ...responseExamples().map((r) => r.value)];
const pointers = (v: unknown, at: string[] = []): string[][] =>
  v !== null && typeof v === 'object'
    ? [at, ...Object.entries(v).flatMap(([k, child]) => pointers(child, [...at, k]))]
    : [at];
const replaced = (v: unknown, path: readonly string[], value: unknown): unknown => {
  if (path.length === 0) return value;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string, unknown>;
  copy[path[0]!] = replaced(copy[path[0]!], path.slice(1), value);
  return copy;
};
const mutated = fc.sample(
  fc
    .constantFrom(...examples)
    .chain((e) => fc.tuple(fc.constant(e), fc.constantFrom(...pointers(e)), fc.jsonValue()))
    .map(([e, path, value]) => replaced(e, path, value)),
  { seed: 7, numRuns: 600 },
);
const bodies = [...examples, ...mutated, null, [], { state: 'DOING', order_id: 7 }];

test.each(CASES)('a kept %s validator (%s errors) judges as a compiled one, errors and all', (name, mode) => {
  const compiled = fresh().componentValidator(name, mode); // compiles (or loads) and keeps its code
  const kept = fresh().componentValidator(name, mode);
  expect(keptFiles().length).toBeGreaterThan(0);
  // The comparison is over errors, not only over passes.
  expect(bodies.filter((b) => !compiled(b)).length).toBeGreaterThan(100);
  for (const body of bodies) {
    expect(kept(body)).toBe(compiled(body));
    expect(kept.errors ?? null).toEqual(compiled.errors ?? null);
  }
});

test('a kept file that others may write is not run: the schema is compiled instead', () => {
  fresh().componentValidator('Error');
  const [one] = keptFiles();
  // Every kept file is made tampered (aside, then renamed into place, so no reader sees it half-written).
  const tampered = keptFiles().map((f) => join(tmpdir(), f));
  for (const file of tampered) {
    const aside = `${file}.tampered.tmp`;
    writeFileSync(aside, 'module.exports = () => true;');
    chmodSync(aside, 0o666);
    renameSync(aside, file);
  }
  try {
    expect(one).toBeDefined();
    expect(fresh().componentValidator('Error')({ not: 'an error body' })).toBe(false);
  } finally {
    for (const file of tampered) rmSync(file, { force: true });
  }
});

test('a kept file that is a link is not followed: the schema is compiled instead', () => {
  fresh().componentValidator('Error');
  const lure = join(tmpdir(), `payscore-ajv-lure-${process.pid}.js`);
  writeFileSync(lure, 'module.exports = () => true;', { mode: 0o600 });
  const linked = keptFiles().map((f) => join(tmpdir(), f));
  for (const file of linked) {
    const aside = `${file}.link.tmp`;
    symlinkSync(lure, aside);
    renameSync(aside, file);
  }
  try {
    expect(fresh().componentValidator('Error')({ not: 'an error body' })).toBe(false);
  } finally {
    for (const file of [...linked, lure]) rmSync(file, { force: true });
  }
});

test('a component openapi.yaml does not have is named', () => {
  expect(() => fresh().componentValidator('NoSuchSchema')).toThrow(
    'openapi.yaml has no components.schemas.NoSuchSchema',
  );
});
