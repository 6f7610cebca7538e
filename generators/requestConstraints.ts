import type { BoundIdentities } from '../specification';

/** What every request generator needs from the target profile at run time. */
export interface RequestConstraints {
  /** The user identities the target has bound; generators use them exactly (the target answers 403 otherwise). */
  identities: BoundIdentities;
  notifyUrl: string;
  /** The risk-fund cap of identities.service_id, in fen (>= 1). */
  riskFundCap: number;
  /** The injected clock, ms since epoch: every time_range is computed from it. */
  now: number;
  /** Optional tag of this run; withUniqueOutOrderNo mixes it into out_order_no when there is room. */
  runId?: string;
}

/** Sample identities for tests and the bundled mock; a real profile supplies its own. */
export function defaultRequestConstraints(now: number = Date.UTC(2030, 0, 15, 4, 0, 0)): RequestConstraints {
  return {
    identities: {
      service_id: '2002000000000558128851361561536',
      appid: 'wxd678efh567hg6787',
      sub_mchid: '1900000109',
      sub_appid: 'wxd678efh567hg6999',
      channel_id: '1900000100',
      openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      sub_openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6s',
    },
    notifyUrl: 'https://merchant.example.com/payscore/notify',
    riskFundCap: 1_000_000,
    now,
  };
}
