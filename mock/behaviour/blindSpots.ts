import { createHash } from 'node:crypto';
import type { Violation } from '../../specification';

// The conditions and answer changes of the blind-spot faults of mock/faults.ts (issue 20): the
// windows the rules define, checked on the wrong side, and values that must differ and do not.

type Json = Record<string, unknown>;

/** A field hook that adds one refusal of `ruleId` where `when` holds. */
export const refuseIf =
  (when: (b: Json) => boolean, ruleId: string, pointer: string) =>
  (violations: Violation[], b: Json): Violation[] =>
    when(b) ? [...violations, { ruleId, pointer, message: `${pointer.slice(1)} is out of range` }] : violations;

/** service_introduction's length counted in UTF-16 code units or UTF-8 bytes (0 when it is no string). */
export function charCount(b: Json, unit: 'utf16' | 'bytes'): number {
  const intro = b['service_introduction'];
  if (typeof intro !== 'string') return 0;
  return unit === 'utf16' ? intro.length : Buffer.byteLength(intro, 'utf8');
}

/** Whether an item of the array `list` has `member` equal to `max`. */
export function atMax(b: Json, list: string, member: string, max: number): boolean {
  const items = b[list];
  return Array.isArray(items) && items.some((item) => (item as Json | null)?.[member] === max);
}

/** How far risk_fund.amount is over the cap (0 or less: within it). */
export function overCap(b: Json, cap: number): number {
  const amount = (b['risk_fund'] as Json | undefined)?.['amount'];
  return typeof amount === 'number' ? amount - cap : 0;
}

/** order_id cut to '10' + yyyyMMddHHmmss: the creation second alone. */
export const secondOrderId = (r: Json): Json =>
  typeof r['order_id'] === 'string' && /^\d+$/.test(r['order_id']) ? { ...r, order_id: r['order_id'].slice(0, 16) } : r;

/** A confirm-mode package made from service_id and mchid, the same for every order of the service. */
export const sharedPackage = (r: Json): Json =>
  r['package'] === undefined
    ? r
    : {
        ...r,
        package: createHash('sha256')
          .update(`${String(r['service_id'])}/${String(r['mchid'])}`)
          .digest('base64url'),
      };
