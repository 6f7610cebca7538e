import { RULE_ENTRIES } from './rules';

/**
 * Schema and business rules no invalid generator produces, and why: each entry's `notGeneratable`
 * (generators/rules/). coverage.test.ts checks that every other such rule has an invalid case.
 */
export const NOT_GENERATABLE: Readonly<Record<string, string>> = Object.fromEntries(
  RULE_ENTRIES.flatMap(([id, entry]) => (entry.notGeneratable === undefined ? [] : [[id, entry.notGeneratable]])),
);
