import { parseAuthorization } from '../apiv3';
import { IDENTITY_FIELDS, type BoundIdentities } from '../specification';
import type { PactDocument, PactInteraction } from './pactFile';

/** A body as a pact records it: V4 wraps it (`{content, contentType, encoded}`), V2/V3 hold it bare. */
export function bodyOf(part: { body?: unknown } | undefined): unknown {
  const body = part?.body;
  if (typeof body === 'object' && body !== null && 'content' in body && 'contentType' in body)
    return (body as { content: unknown }).content;
  return body;
}

const asMap = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** The value most interactions give (ties: the first seen), or undefined when none gives a string. */
function mostCommon(values: unknown[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (typeof v === 'string' && v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

const MCHID = /^[0-9A-Za-z_-]{1,32}$/;

function authorizationMchid(interaction: PactInteraction): unknown {
  const headers = asMap(interaction.request?.headers) ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'authorization');
  const raw = key === undefined ? undefined : headers[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return undefined;
  const parsed = parseAuthorization(value);
  return parsed.ok ? parsed.params.mchid : undefined;
}

/**
 * The tenant a pact speaks as: per identity field the value most of its request bodies (and the
 * bodies its states store) carry, and the mchid its answers echo or its Authorization names. The
 * fresh mock is made with these, so a pact that pins its own ids in the answers is judged on what it
 * expects, and one that sends other ids on purpose still meets 403 NO_AUTH.
 */
export function pactTenant(pact: PactDocument): {
  identities: Partial<BoundIdentities>;
  mchid?: string;
  riskFundCap?: number;
} {
  const bodies = pact.interactions.flatMap((i) => [
    asMap(bodyOf(i.request)),
    ...(i.providerStates ?? []).map((s) => asMap(s.params?.['body'])),
  ]);
  const identities: Partial<BoundIdentities> = {};
  for (const field of IDENTITY_FIELDS) {
    const value = mostCommon(bodies.map((b) => b?.[field]));
    if (value !== undefined) identities[field] = value;
  }
  const echoed = mostCommon(pact.interactions.map((i) => asMap(bodyOf(i.response))?.['mchid']));
  const mchid = [echoed, mostCommon(pact.interactions.map(authorizationMchid))].find(
    (v) => v !== undefined && MCHID.test(v),
  );
  const cap = impliedRiskFundCap(pact);
  return { identities, ...(mchid === undefined ? {} : { mchid }), ...(cap === undefined ? {} : { riskFundCap: cap }) };
}

const amountOf = (v: unknown): number => {
  const amount = asMap(v)?.['amount'];
  return typeof amount === 'number' && Number.isFinite(amount) ? amount : 0;
};

/**
 * The risk-fund cap of a service is the merchant's (RISK-CAP): the largest risk_fund.amount, or sum of
 * post_payments, of a request the pact expects to succeed (2XX). Undefined when none is given.
 */
function impliedRiskFundCap(pact: PactDocument): number | undefined {
  const amounts = pact.interactions
    .filter((i) => (i.response?.status ?? 0) >= 200 && (i.response?.status ?? 0) < 300)
    .map((i) => asMap(bodyOf(i.request)))
    .flatMap((body) => {
      const payments = Array.isArray(body?.['post_payments']) ? (body['post_payments'] as unknown[]) : [];
      return [amountOf(body?.['risk_fund']), payments.reduce<number>((sum, p) => sum + amountOf(p), 0)];
    });
  const largest = Math.max(0, ...amounts);
  return largest > 0 ? largest : undefined;
}
