import { AUTH_SCHEME } from './messages';

/** The five parameters of an APIv3 Authorization header. */
export interface AuthorizationParams {
  mchid: string;
  nonce_str: string;
  timestamp: string;
  serial_no: string;
  signature: string;
}

const NAMES = ['mchid', 'nonce_str', 'timestamp', 'serial_no', 'signature'] as const;

export type ParsedAuthorization =
  { ok: true; params: AuthorizationParams } | { ok: false; reason: 'missing' | 'scheme' | 'malformed'; detail: string };

/** How the parameters are written: any order is valid (AUTH-SCHEME), and so is white space after the commas. */
export interface AuthorizationForm {
  order?: ReadonlyArray<keyof AuthorizationParams>;
  separator?: string;
}

/** `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",signature="…"` */
export function formatAuthorization(p: AuthorizationParams, form: AuthorizationForm = {}): string {
  return `${AUTH_SCHEME} ${(form.order ?? NAMES).map((n) => `${n}="${p[n]}"`).join(form.separator ?? ',')}`;
}

/** Parses the header: parameters in any order, quoted values; never throws. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization {
  if (header === undefined || header.trim() === '')
    return { ok: false, reason: 'missing', detail: 'no Authorization header' };
  const match = /^(\S+)(?:\s+(.*))?$/s.exec(header.trim());
  if (match === null || match[1] !== AUTH_SCHEME) {
    return {
      ok: false,
      reason: 'scheme',
      detail: `the scheme must be ${AUTH_SCHEME}, got ${JSON.stringify(match?.[1] ?? header.trim())}`,
    };
  }
  const found: Partial<Record<string, string>> = {};
  const rest = match[2] ?? '';
  const pair = /\s*([a-z_]+)="([^"]*)"\s*(?:,|$)/gy;
  let consumed = 0;
  for (let m = pair.exec(rest); m !== null; m = pair.exec(rest)) {
    const [, name = '', value = ''] = m;
    if (found[name] !== undefined) return { ok: false, reason: 'malformed', detail: `parameter ${name} appears twice` };
    found[name] = value;
    consumed = pair.lastIndex;
    if (consumed >= rest.length) break;
  }
  if (consumed < rest.trimEnd().length) {
    return {
      ok: false,
      reason: 'malformed',
      detail: `cannot parse the parameters from character ${consumed}: ${JSON.stringify(rest.slice(consumed, consumed + 40))}`,
    };
  }
  const unknown = Object.keys(found).filter((n) => !(NAMES as readonly string[]).includes(n));
  if (unknown.length > 0)
    return { ok: false, reason: 'malformed', detail: `unknown parameter(s) ${unknown.join(', ')}` };
  const missing = NAMES.filter((n) => found[n] === undefined || found[n] === '');
  if (missing.length > 0)
    return { ok: false, reason: 'malformed', detail: `missing or empty parameter(s) ${missing.join(', ')}` };
  if (!/^\d{1,12}$/.test(found['timestamp'] ?? ''))
    return { ok: false, reason: 'malformed', detail: 'timestamp must be Unix seconds' };
  return { ok: true, params: found as unknown as AuthorizationParams };
}
