import fc from 'fast-check';
import { codePoints } from './text';
import { assertArbitraryLaws, LAW_SEED, lawRuns, validLaw } from './laws.testkit';
import { defaultRequestConstraints } from './requestConstraints';
import { validRequest } from './validRequest';

const constraints = defaultRequestConstraints();
const samples = () => fc.sample(validRequest(constraints), { seed: LAW_SEED, numRuns: lawRuns() });

describe('validRequest', () => {
  it('obeys the laws: deterministic per seed, every sample and every shrink passes schema and business rules', () => {
    assertArbitraryLaws(validRequest(constraints), validLaw(constraints));
  });

  it('uses the identities and notify_url of the constraints exactly', () => {
    for (const r of samples()) {
      expect([r.service_id, r.appid, r.sub_mchid, r.channel_id, r.notify_url]).toEqual([
        constraints.identities.service_id,
        constraints.identities.appid,
        constraints.identities.sub_mchid,
        constraints.identities.channel_id,
        constraints.notifyUrl,
      ]);
      for (const key of ['sub_appid', 'openid', 'sub_openid'] as const)
        if (r[key] !== undefined) expect(r[key]).toBe(constraints.identities[key]);
    }
  });

  it('covers the valid space: optional fields both ways, every mode, risk name and start form', () => {
    const seen = new Set<string>();
    for (const r of samples()) {
      for (const key of [
        'post_payments',
        'post_discounts',
        'location',
        'attach',
        'sub_appid',
        'openid',
        'sub_openid',
      ] as const)
        seen.add(`${key}:${r[key] !== undefined}`);
      seen.add(`confirm:${String(r.need_user_confirm)}`);
      seen.add(`risk:${r.risk_fund.name}`);
      seen.add(`start:${r.time_range.start_time === 'OnAccept' ? 'OnAccept' : r.time_range.start_time.length}`);
      seen.add(`end:${r.time_range.end_time?.length ?? 'absent'}`);
      if (r.need_user_confirm !== true) seen.add(`no-confirm:${r.openid !== undefined ? 'openid' : 'sub_openid'}`);
      if (r.service_introduction.length > codePoints(r.service_introduction)) seen.add('astral');
      if (/[\u4e00-\u9fff]/.test(r.service_introduction)) seen.add('cjk');
    }
    const expected = [
      ...['post_payments', 'post_discounts', 'location', 'attach', 'sub_appid', 'openid', 'sub_openid'].flatMap((k) => [
        `${k}:true`,
        `${k}:false`,
      ]),
      'confirm:true',
      'confirm:false',
      'confirm:undefined',
      'risk:DEPOSIT',
      'risk:ADVANCE',
      'risk:CASH_DEPOSIT',
      'risk:ESTIMATE_ORDER_COST',
      'start:OnAccept',
      'start:14',
      'start:8',
      'end:14',
      'end:8',
      'end:absent',
      'no-confirm:openid',
      'no-confirm:sub_openid',
      'astral',
      'cjk',
    ];
    expect([...seen].filter((s) => expected.includes(s)).sort()).toEqual([...expected].sort());
  });
});
