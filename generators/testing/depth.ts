/**
 * Samples of a depth test (`*.depth.test.ts`): 20,000 in `npm test`, where a defect that shows once in a
 * thousand samples is missed with odds of e^-20; PAYSCORE_LAW_DEPTH raises it (`npm run bench depth`
 * runs 100,000, as `npm test` did before issue #27).
 */
export function lawDepth(): number {
  const fromEnv = Number(process.env['PAYSCORE_LAW_DEPTH']);
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : 20_000;
}
