/** A repeatable flag whose values may also be comma-separated (`--only A --only B,C`), blanks dropped. */
export function listFlag(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
