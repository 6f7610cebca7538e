// How the client verifies an HTTPS target: the profile's `tls` section, checked, and named in plain words
// for the report's provenance.
import { createHash, X509Certificate } from 'node:crypto';
import { resolve } from 'node:path';
import { isObject } from '../../apiv3';
import { readPem } from './keyFiles';
import type { ProfileProblem } from './profileError';

/** The `tls` part of a profile (PUBLIC interface). caPath is relative to the profile's folder. */
export interface TlsSection {
  /** PEM certificate(s) of the CA that issued the target's certificate: trusted instead of the system CAs. */
  caPath?: string;
  /** Skip certificate verification (throwaway staging hosts only): the report says so. */
  insecure?: boolean;
}

/** What the client trusts for HTTPS. */
export type TlsTrust =
  | { kind: 'plain-http' }
  | { kind: 'system' }
  | { kind: 'ca-file'; path: string; pem: string; sha256: string }
  | { kind: 'insecure' };

const CA_FIX =
  'give the PEM certificate of the CA that issued the target’s TLS certificate (for `mock --tls`: ca.pem in its data dir)';
const BLOCKS = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

function caFile(caPath: string, baseDir: string, problems: ProfileProblem[]): TlsTrust | undefined {
  const field = 'tls.caPath';
  const pem = readPem(field, baseDir, caPath, 'CA certificate', 'it starts with -----BEGIN CERTIFICATE-----');
  if (!pem.ok) return void problems.push(pem.problem);
  const blocks = pem.value.match(BLOCKS) ?? [];
  if (blocks.length === 0)
    return void problems.push({ field, problem: 'holds no -----BEGIN CERTIFICATE----- block', fix: CA_FIX });
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch (e) {
      return void problems.push({
        field,
        problem: `not a readable X.509 certificate (${(e as Error).message})`,
        fix: CA_FIX,
      });
    }
  }
  const sha256 = createHash('sha256').update(pem.value).digest('hex');
  return { kind: 'ca-file', path: resolve(baseDir, caPath), pem: pem.value, sha256 };
}

/**
 * The trust for `url` (baseUrl, or a receiver's URL) from a profile's `tls` section; pushes a problem
 * and returns undefined when the section is wrong. Types were checked by the schema already.
 */
export function tlsTrustOf(
  section: unknown,
  url: unknown,
  baseDir: string,
  problems: ProfileProblem[],
): TlsTrust | undefined {
  const tls = isObject(section) ? section : {};
  const caPath = typeof tls['caPath'] === 'string' ? tls['caPath'] : undefined;
  const insecure = tls['insecure'] === true;
  if (caPath !== undefined && insecure) {
    problems.push({
      field: 'tls',
      problem: 'names both caPath and insecure: true',
      fix: 'keep caPath to verify the target against that CA, or insecure: true to skip verification (throwaway hosts only)',
    });
    return undefined;
  }
  const trust: TlsTrust | undefined = insecure
    ? { kind: 'insecure' }
    : caPath === undefined
      ? { kind: 'system' }
      : caFile(caPath, baseDir, problems);
  return typeof url === 'string' && url.startsWith('http://') ? { kind: 'plain-http' } : trust;
}

/** How TLS was verified, in the words of the report's provenance. */
export function describeTlsTrust(trust: TlsTrust | undefined, env: NodeJS.ProcessEnv = process.env): string {
  switch (trust?.kind) {
    case 'plain-http':
      return 'no TLS (http target)';
    case 'ca-file':
      return `CA file ${trust.path} (sha256 ${trust.sha256})`;
    case 'insecure':
      return 'TLS NOT verified (tls.insecure: true)';
    default: {
      const extra = env['NODE_EXTRA_CA_CERTS'];
      return `system CAs${extra === undefined || extra === '' ? '' : ` and NODE_EXTRA_CA_CERTS ${extra}`}`;
    }
  }
}

const CERTIFICATE_ERRORS =
  /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT|SELF_SIGNED_CERT|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|ERR_TLS_CERT_ALTNAME_INVALID|CERT_UNTRUSTED/;

/** What to do about a transport error that is a certificate the client did not trust (undefined: another error). */
export function tlsFixFor(message: string): string | undefined {
  return CERTIFICATE_ERRORS.test(message)
    ? 'name the CA that issued the target’s certificate in the profile’s tls.caPath (for `mock --tls`: its data dir’s ca.pem; the profile it writes already does), or set tls.insecure: true for a throwaway host'
    : undefined;
}

/** The curl flags' view of a trust (renderCurl's `tls` option). */
export function curlTlsOf(trust: TlsTrust | undefined): { caFile?: string; insecure?: boolean } {
  if (trust?.kind === 'ca-file') return { caFile: trust.path };
  if (trust?.kind === 'insecure') return { insecure: true };
  return {};
}

/** The node:https agent options of a trust: a CA file replaces the system CAs; insecure verifies nothing. */
export function tlsAgentOptions(trust: TlsTrust | undefined): { ca?: string; rejectUnauthorized?: boolean } {
  if (trust?.kind === 'ca-file') return { ca: trust.pem };
  if (trust?.kind === 'insecure') return { rejectUnauthorized: false };
  return {};
}
