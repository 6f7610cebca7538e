import fc from 'fast-check';
import { checkBusinessRules, validateRequestBody, type Violation } from '../specification';
import type { InvalidSample } from './invalidSample';
import type { RequestConstraints } from './requestConstraints';

/** The fixed seed of every law run, so a failure replays (fast-check prints seed and path). */
export const LAW_SEED = 42;

/** Samples per arbitrary: 200 unless PAYSCORE_LAW_RUNS says otherwise. */
export function lawRuns(): number {
  const fromEnv = Number(process.env['PAYSCORE_LAW_RUNS']);
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : 200;
}

/** A law: undefined when it holds for the value, otherwise what is wrong. */
export type Law<T> = (value: T) => string | undefined;

/** Everything the specification module finds wrong with a body: schema ∪ business rules. */
export function specViolations(body: unknown, c: RequestConstraints): Violation[] {
  return [...validateRequestBody(body), ...checkBusinessRules(body, { now: c.now, riskFundCap: c.riskFundCap })];
}

/** Valid and boundary requests: no violation at all. */
export function validLaw(c: RequestConstraints): Law<unknown> {
  return (body) => {
    const found = specViolations(body, c);
    return found.length === 0
      ? undefined
      : `expected no violation, got ${JSON.stringify(found)} for ${JSON.stringify(body)}`;
  };
}

/** Invalid samples: the spec finds exactly the named rule (several times is fine), at its pointer. */
export function invalidLaw(c: RequestConstraints): Law<InvalidSample> {
  return ({ request, violation }) => {
    const found = specViolations(request, c);
    const ids = [...new Set(found.map((v) => v.ruleId))];
    if (ids.length !== 1 || ids[0] !== violation.ruleId) {
      return `expected only ${violation.ruleId}, got ${JSON.stringify(found)} for ${JSON.stringify(request)}`;
    }
    const near = found.some((v) => v.pointer.startsWith(violation.pointer) || violation.pointer.startsWith(v.pointer));
    return near
      ? undefined
      : `${violation.ruleId} expected at ${violation.pointer}, found at ${found.map((v) => v.pointer).join(', ')}`;
  };
}

export interface LawOptions {
  seed?: number;
  numRuns?: number;
  /** How many first samples are shrunk, and how many shrink steps each at most. */
  shrinkSamples?: number;
  shrinkSteps?: number;
}

/**
 * Holds an arbitrary to the laws fast-check holds its own to: the same seed gives the same
 * values; every sample satisfies `law`; every value shrinking reaches satisfies it too.
 */
export function assertArbitraryLaws<T>(arbitrary: fc.Arbitrary<T>, law: Law<T>, options: LawOptions = {}): void {
  const { seed = LAW_SEED, numRuns = lawRuns(), shrinkSamples = 3, shrinkSteps = 40 } = options;
  const first = fc.sample(arbitrary, { seed, numRuns: Math.min(numRuns, 25) });
  expect(fc.sample(arbitrary, { seed, numRuns: Math.min(numRuns, 25) })).toEqual(first);

  fc.assert(
    fc.property(arbitrary, (value) => {
      const problem = law(value);
      if (problem !== undefined) throw new Error(problem);
    }),
    { seed, numRuns },
  );

  // Fail by construction so fast-check shrinks; every value it visits must still obey the law.
  const problems: string[] = [];
  let visited = 0;
  for (let k = 0; k < shrinkSamples; k++) {
    let steps = 0;
    fc.check(
      fc.property(arbitrary, (value) => {
        if (steps++ > shrinkSteps) return true;
        visited++;
        const problem = law(value);
        if (problem !== undefined) problems.push(problem);
        return false;
      }),
      { seed: seed + k, numRuns: 1, interruptAfterTimeLimit: 5_000 },
    );
  }
  expect(problems).toEqual([]);
  expect(visited).toBeGreaterThan(shrinkSamples);
}
