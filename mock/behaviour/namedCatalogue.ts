// The faults and the readings are tables keyed by name; both list themselves as data the same way.

/** A table by name, as data and as a name guard. */
export interface NamedCatalogue<N extends string, I> {
  /** The table in its own order: each entry's name, then the fields `info` picked from it. */
  catalogue(): ReadonlyArray<{ name: N } & I>;
  /** Whether `name` is a key of the table (its own, not one inherited). */
  isName(name: string): name is N;
}

export function namedCatalogue<N extends string, E, I>(
  table: Readonly<Record<N, E>>,
  info: (entry: E) => I,
): NamedCatalogue<N, I> {
  return {
    catalogue: () => (Object.keys(table) as N[]).map((name) => ({ name, ...info(table[name]) })),
    isName: (name: string): name is N => Object.prototype.hasOwnProperty.call(table, name),
  };
}
