import { UsageError } from './usageError';

/** An http(s) URL flag (absent: undefined); anything else is a UsageError naming the flag. */
export function httpUrlFlag(name: string, raw: string | undefined): string | undefined {
  if (raw !== undefined && !/^https?:\/\/[^/]+/.test(raw))
    throw new UsageError(`--${name} ${JSON.stringify(raw)}: expected an http(s) URL`);
  return raw;
}
