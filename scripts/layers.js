// The layering of the tree, as data: every top-level folder, bottom layer first, with the folders it may import
// (each through its index.ts). eslint.config.mjs turns it into lint zones (scripts/layer-zones.js) and
// scripts/layers-picture.js draws the Layout picture of docs/reference.md from it, so the rule and the picture cannot drift.
// An arrow may only point to a folder listed earlier: the layers form no cycle by construction.
//
// Fencing internals, one convention everywhere: a folder's index.ts is its only door (lint holds other folders
// to it), so whatever index.ts does not export is internal already and needs no `_internals/` folder. A
// sub-folder is either a role with an index.ts of its own, its only door for the files outside it (mock/'s
// handlers/, control/, …; generators/rules/), or testing/ (test kits), or holds no TypeScript (data).
// scripts/folders.test.ts checks it, FENCE_PENDING aside.
'use strict';

/**
 * @typedef {{ folder: string, imports: string[], testOnly?: true, why: string }} Layer
 * `testOnly`: the whole folder is test code that never ships (it may import testing/ folders anywhere).
 */

/** @type {Layer[]} */
const LAYERS = [
  { folder: 'toolErrors', imports: [], why: 'our own errors: one catalogue of codes, messages and exit codes' },
  { folder: 'specification', imports: [], why: 'loads openapi.yaml: validators, limits, rule catalogue' },
  {
    folder: 'judgement',
    imports: ['specification', 'toolErrors'],
    why: 'the one core every audit judges and reports through: finding, verdict, evidence, report, JUnit',
  },
  { folder: 'apiv3', imports: ['specification'], why: 'the APIv3 protocol core every side shares' },
  { folder: 'generators', imports: ['specification'], why: 'fast-check requests from the spec' },
  { folder: 'client', imports: ['apiv3', 'specification', 'toolErrors'], why: 'profile, signing, sending, curl' },
  {
    folder: 'checks',
    imports: ['apiv3', 'client', 'judgement', 'specification', 'toolErrors'],
    why: 'judge one exchange',
  },
  {
    folder: 'mock',
    imports: ['apiv3', 'generators', 'judgement', 'specification', 'toolErrors'],
    why: 'the reference server',
  },
  {
    folder: 'notify',
    imports: ['apiv3', 'client', 'generators', 'judgement', 'specification'],
    why: 'the receiver suite and its reports',
  },
  { folder: 'receiver', imports: ['apiv3', 'client', 'mock', 'notify'], why: 'the reference notify_url receiver' },
  {
    folder: 'clientAudit',
    imports: ['apiv3', 'generators', 'judgement', 'mock', 'specification'],
    why: "the caller's audit: mock --audit and audit-client",
  },
  {
    folder: 'suites',
    imports: [
      'apiv3',
      'checks',
      'client',
      'generators',
      'judgement',
      'mock',
      'notify',
      'receiver',
      'specification',
      'toolErrors',
    ],
    why: 'the Jest suites, their harness and self-tests',
  },
  {
    folder: 'pact',
    imports: ['apiv3', 'client', 'judgement', 'mock', 'specification', 'toolErrors'],
    why: 'a pact verified: provider states, re-signing, `pact verify`',
  },
  {
    folder: 'contracts',
    imports: ['apiv3', 'client', 'mock', 'pact', 'specification', 'toolErrors'],
    testOnly: true,
    why: 'Pact consumer and provider tests',
  },
  {
    folder: 'cli',
    imports: [
      'apiv3',
      'checks',
      'client',
      'clientAudit',
      'judgement',
      'mock',
      'notify',
      'pact',
      'receiver',
      'specification',
      'suites',
      'toolErrors',
    ],
    why: 'argument parsing and exit codes',
  },
  { folder: 'bench', imports: ['apiv3', 'mock', 'specification', 'suites'], testOnly: true, why: 'benchmarks' },
  {
    folder: 'examples',
    imports: ['apiv3', 'client', 'generators', 'mock'],
    testOnly: true,
    why: 'drivers around real clients for audit-client; example merchant code and its pacts',
  },
];

/** Files that are test code wherever they live: they may import any allowed folder's testing/ folder. */
const TEST_FILES = ['**/*.test.ts', '**/*.selftest.ts', '**/*.suite.ts', '**/testing/**/*.ts'];

/**
 * Files held to the test-code rules until a change in flight lands (each names it); drawn in the picture, so
 * an exemption is never silent. Delete an entry once its change is merged.
 * @type {{ file: string, until: string }[]}
 */
const PENDING = [];

/**
 * Sub-folders not yet fenced by the convention above, each with the change that will fence it; the test lists
 * them, so an exemption is never silent. Delete an entry once its change is merged.
 * @type {{ folder: string, until: string }[]}
 */
const FENCE_PENDING = [];

/** @param {Layer[]} layers */
function assertDownstream(layers) {
  const seen = new Set();
  for (const { folder, imports } of layers) {
    for (const to of imports) {
      if (!seen.has(to)) throw new Error(`scripts/layers.js: ${folder} -> ${to} does not point to a lower layer`);
    }
    seen.add(folder);
  }
  return layers;
}

module.exports = { LAYERS: assertDownstream(LAYERS), TEST_FILES, PENDING, FENCE_PENDING, assertDownstream };
