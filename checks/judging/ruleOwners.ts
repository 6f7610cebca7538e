import { ruleCatalogue } from '../../specification';

/** Which rejection check judges a case labelled with a rule id; every other rule with an expected answer is negative_data_rejection's. */
export const AUTH_RULES: readonly string[] = ruleCatalogue()
  .filter((r) => r.id.startsWith('AUTH-'))
  .map((r) => r.id);
export const HEADER_RULES: readonly string[] = ['HDR-ACCEPT', 'HDR-CONTENT-TYPE', 'HDR-WECHATPAY-SERIAL'];
export const CONFLICT_RULE = 'IDEMP-CONFLICT';

/** Rules with an expected answer that no dedicated check owns (field, business, body and other protocol rules). */
export function negativeRules(): string[] {
  const owned = new Set([...AUTH_RULES, ...HEADER_RULES, CONFLICT_RULE]);
  return ruleCatalogue()
    .filter((r) => r.expect !== undefined && !owned.has(r.id))
    .map((r) => r.id);
}
