#!/usr/bin/env node
// Runs the TypeScript sources directly: swc strips types (fast, no build step, no dist/ to drift).
'use strict';
const { join } = require('node:path');
require('ts-node').register({
  project: join(__dirname, '..', 'tsconfig.json'),
  transpileOnly: true,
  swc: true,
  compilerOptions: { module: 'commonjs', moduleResolution: 'node10' },
});
require('../cli/main')
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`payscore-conformance: internal error: ${error && error.stack ? error.stack : error}`);
      process.exitCode = 2;
    },
  );
