import type { KeyObject } from 'node:crypto';
import type { AuthorizationParams } from '../apiv3';
import type { Finding } from '../judgement';
import type { BoundIdentities } from '../specification';

/** What the audit knows of the caller it judges: the mock's profile, as the caller was given it. */
export interface CallerProfile {
  mchid: string;
  merchantSerial: string;
  merchantPublicKey: KeyObject;
  keyMode: 'public-key' | 'certificate';
  /** The platform serials (public key id or certificate serials) the caller was given. */
  platformSerials: readonly string[];
  identities: BoundIdentities;
  riskFundCap: number;
}

/** The parsed Authorization, when it parses: the session judges nonce reuse from it. */
export interface JudgedRequest {
  findings: Finding[];
  params?: AuthorizationParams;
  body?: unknown;
}
