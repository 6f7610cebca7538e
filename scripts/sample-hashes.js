#!/usr/bin/env node
// `npm run sample-hashes`: hashes of what the generators draw on one seed (generators/testing/sampleHashes.ts).
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const run = spawnSync(
  process.execPath,
  ['-r', 'ts-node/register/transpile-only', join(__dirname, '..', 'generators', 'testing', 'sampleHashes.ts')],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: 'commonjs', moduleResolution: 'node10' }),
    },
  },
);
process.exit(run.status ?? 1);
