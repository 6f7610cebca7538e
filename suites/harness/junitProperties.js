// jest-junit testcase properties: a conformance test's title starts with its rule ID, so every
// JUnit testcase of the suites carries `rule` and `seed` (test names themselves stay stable).
'use strict';
// The seed is the run's own, from the run options globalSetup published in this (the reporter's) process.
module.exports = (testResult) => {
  const first = String(testResult.title || '').split(' ')[0] || '';
  if (!/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/.test(first)) return {}; // EXPIRY has no hyphen
  const published = process.env.PAYSCORE_RUN_OPTIONS;
  const seed = published ? JSON.parse(published).seed : process.env.PAYSCORE_SEED;
  return seed === undefined || seed === '' ? { rule: first } : { rule: first, seed: String(seed) };
};
