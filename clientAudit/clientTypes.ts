import type { KeyObject } from 'node:crypto';
import type { AuthorizationParams } from '../apiv3';
import type { BoundIdentities } from '../specification';

/** One client rule judged on one request or run: passed when `problem` is absent. */
export interface ClientFinding {
  ruleId: string;
  problem?: string;
  /** The problem breaks only DECISION rules: informational for any caller. */
  informational?: true;
}

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
  findings: ClientFinding[];
  params?: AuthorizationParams;
  body?: unknown;
}

export const problemIf = (ruleId: string, problem: string | undefined): ClientFinding =>
  problem === undefined ? { ruleId } : { ruleId, problem };
