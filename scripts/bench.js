#!/usr/bin/env node
// `npm run bench [name…]`: runs bench/<name>.bench.ts (all of them by default); each prints its figures.
'use strict';
const { spawnSync } = require('node:child_process');
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const dir = join(__dirname, '..', 'bench');
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length > 0) {
  console.error(`npm run bench: unknown benchmark(s) ${unknown.join(', ')}; available: ${all.join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const name of wanted.length > 0 ? wanted : all) {
  console.log(`\n▶ bench/${name}.bench.ts`);
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(dir, `${name}.bench.ts`)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: 'commonjs', moduleResolution: 'node10' }),
    },
  });
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
