// specDocument() reads openapi.yaml through a JSON copy in the temp folder (specification/document.ts): the copy must
// give the very document the YAML does, and a copy another user could have written is never trusted.
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { OPENAPI_PATH } from './document';

const text = readFileSync(OPENAPI_PATH, 'utf8');
const copy = join(
  tmpdir(),
  `payscore-conformance-openapi-${createHash('sha256').update(text).digest('hex').slice(0, 32)}.json`,
);

/** specDocument() of a fresh module registry, as a new Jest test file or process sees it. */
function freshLoad(): unknown {
  let loaded: unknown;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = (require('./document') as typeof import('./document')).specDocument();
  });
  return loaded;
}

test('the cached copy gives exactly the parsed YAML', () => {
  rmSync(copy, { force: true });
  expect(freshLoad()).toEqual(parse(text));
  expect(JSON.parse(readFileSync(copy, 'utf8'))).toEqual(parse(text));
  expect(freshLoad()).toEqual(parse(text));
});

test('a copy that others may write is ignored: the YAML is parsed instead', () => {
  // Made aside and renamed into place, so no other test file ever reads it before it is world-writable.
  const aside = `${copy}.tampered.tmp`;
  writeFileSync(aside, JSON.stringify({ openapi: 'tampered' }));
  chmodSync(aside, 0o666);
  renameSync(aside, copy);
  try {
    expect(freshLoad()).toEqual(parse(text));
  } finally {
    rmSync(copy, { force: true });
  }
});
