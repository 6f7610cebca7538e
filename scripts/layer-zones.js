// Turns scripts/layers.js into ESLint config blocks: import-x/no-restricted-paths zones for the arrows, the
// index.ts entries and the test-kit convention, and import-x/no-cycle.
'use strict';
const { createNodeResolver, importX } = require('eslint-plugin-import-x');
const { LAYERS, PENDING, TEST_FILES } = require('./layers');

const dir = (folder) => `./${folder}`;
const listed = (folders) => folders.map((f) => `${f}/`).join(', ');

/**
 * The zones one folder's files are held to. Test code may also reach into an allowed folder's testing/ folder.
 * @param {import('./layers').Layer[]} layers
 * @param {import('./layers').Layer} layer
 * @param {boolean} testCode
 */
function zonesOf(layers, { folder, imports }, testCode) {
  const forbidden = layers.map((l) => l.folder).filter((f) => f !== folder && !imports.includes(f));
  const zones = [];
  if (forbidden.length > 0) {
    zones.push({
      target: dir(folder),
      from: forbidden.map(dir),
      message: `${folder}/ ${imports.length === 0 ? 'may not import another folder' : `may import only ${listed(imports)}`} (the arrows are in scripts/layers.js).`,
    });
  }
  for (const to of imports) {
    zones.push({
      target: dir(folder),
      from: dir(to),
      except: testCode ? ['./index.ts', './testing'] : ['./index.ts'],
      message: testCode
        ? `Import ${to}/ through its index.ts or its testing/ folder.`
        : `Import ${to}/ through its index.ts; product code never imports a testing/ folder.`,
    });
  }
  if (!testCode) {
    zones.push({
      target: dir(folder),
      from: `${dir(folder)}/testing`,
      message: 'Product code never imports a testing/ folder; move what it needs out of testing/.',
    });
  }
  return zones;
}

/**
 * The config blocks: product files (every non-test file of a shipping folder) and test code (test files,
 * testing/ folders, test-only folders) get their own zones; every TypeScript file gets no-cycle.
 * @param {string} rootDir the folder the layers are relative to
 * @param {import('./layers').Layer[]} [layers]
 * @param {string[]} [pending] files checked as test code for now (scripts/layers.js PENDING)
 */
function layerConfig(rootDir, layers = LAYERS, pending = PENDING.map((p) => p.file)) {
  const shipping = layers.filter((l) => l.testOnly !== true);
  const testOnly = layers.filter((l) => l.testOnly === true);
  const restricted = (zones) => ['error', { basePath: rootDir, zones }];
  return [
    {
      files: ['**/*.ts'],
      plugins: { 'import-x': importX },
      settings: {
        // Without the extensions and parser, import-x reads no .ts module and no-cycle would see no cycle at all.
        'import-x/extensions': ['.ts', '.js'],
        'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
        'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      },
      rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
    },
    {
      files: shipping.map((l) => `${l.folder}/**/*.ts`),
      ignores: [...TEST_FILES, ...pending],
      rules: { 'import-x/no-restricted-paths': restricted(shipping.flatMap((l) => zonesOf(layers, l, false))) },
    },
    {
      files: [...TEST_FILES, ...testOnly.map((l) => `${l.folder}/**/*.ts`), ...pending],
      rules: { 'import-x/no-restricted-paths': restricted(layers.flatMap((l) => zonesOf(layers, l, true))) },
    },
  ];
}

module.exports = { layerConfig };
