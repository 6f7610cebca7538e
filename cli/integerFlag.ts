import { UsageError } from './usageError';

/** A whole-number flag from `min` to `max` (absent: undefined); anything else is a UsageError naming the flag. */
export function integerFlag(name: string, raw: string | undefined, min: number, max?: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || (max !== undefined && n > max))
    throw new UsageError(
      `--${name} ${JSON.stringify(raw)}: expected a whole number ${max === undefined ? `>= ${min}` : `from ${min} to ${max}`}`,
    );
  return n;
}
