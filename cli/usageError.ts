/** A problem with the command line: the command reports it, naming the flag, and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
