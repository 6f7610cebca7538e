/** The one media type this endpoint speaks. */
export const JSON_MEDIA_TYPE = 'application/json';

interface Range {
  specificity: number;
  q: number;
}

function rangeFor(part: string): Range | undefined {
  const [range = '', ...params] = part.split(';').map((s) => s.trim());
  const [type, subtype] = range.toLowerCase().split('/');
  const [wantType, wantSubtype] = JSON_MEDIA_TYPE.split('/');
  let specificity: number;
  if (type === wantType && subtype === wantSubtype) specificity = 3;
  else if (type === wantType && subtype === '*') specificity = 2;
  else if (type === '*' && subtype === '*') specificity = 1;
  else return undefined;
  let q = 1;
  for (const param of params) {
    const [name = '', value = ''] = param.split('=').map((s) => s.trim());
    if (name.toLowerCase() === 'q') q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value) ? Number(value) : 0;
  }
  return { specificity, q };
}

/**
 * Whether content negotiation would satisfy this Accept with application/json (HDR-ACCEPT,
 * HDR-MEDIA-TYPE-PARAMS): the most specific matching range decides, q=0 excludes.
 */
export function acceptsJson(accept: string): boolean {
  let best: Range | undefined;
  for (const part of accept.split(',')) {
    const range = rangeFor(part);
    if (range !== undefined && (best === undefined || range.specificity > best.specificity)) best = range;
  }
  return best !== undefined && best.q > 0;
}

/** application/json, case-insensitive, parameters such as charset allowed (HDR-CONTENT-TYPE). */
export function isJsonContentType(contentType: string): boolean {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase() === JSON_MEDIA_TYPE;
}
