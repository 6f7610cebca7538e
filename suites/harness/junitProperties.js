// jest-junit testcase properties: a conformance test's title starts with its rule ID, so every
// JUnit testcase of the suites carries `rule` and `seed` (test names themselves stay stable).
'use strict';
const DEFAULT_SEED = 20261127; // suites/harness/runOptions.ts DEFAULT_SEED

module.exports = (testResult) => {
  const first = String(testResult.title || '').split(' ')[0] || '';
  if (!/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/.test(first)) return {};
  return { rule: first, seed: process.env.PAYSCORE_SEED || String(DEFAULT_SEED) };
};
