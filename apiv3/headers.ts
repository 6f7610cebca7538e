/** Header maps as node:http and our exchanges hold them: names in any case, a value or a list. */
export type HeaderMap = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A header by name, any case (HTTP names are case-insensitive); the first value of a list. */
export function headerValue(headers: HeaderMap, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const key = Object.keys(headers).find((k) => k.toLowerCase() === wanted);
  const value = key === undefined ? undefined : headers[key];
  return typeof value === 'string' || value === undefined ? value : value[0];
}
