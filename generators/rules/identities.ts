import type { CreateOrderRequest } from '../../specification';
import { schemaMutations } from '../fieldMutations';
import { toOpenidMode, toSubOpenidMode } from '../userMode';
import { defineRules, type MutationCase } from '../ruleEntry';
import type { ResolvedConstraints } from '../resolveConstraints';

type R = CreateOrderRequest;

/** Both user ids, or neither, with need_user_confirm absent or false: the four ways to break the exclusion. */
function openidExclusive(c: ResolvedConstraints): MutationCase[] {
  const ids = c.identities;
  const both = (base: R): R => ({ ...toOpenidMode(base, ids), sub_openid: ids.sub_openid, sub_appid: ids.sub_appid });
  return [
    { what: 'both openid and sub_openid, need_user_confirm absent', pointer: '', apply: both },
    {
      what: 'both openid and sub_openid, need_user_confirm false',
      pointer: '',
      apply: (base) => ({ ...both(base), need_user_confirm: false }),
    },
    {
      what: 'neither openid nor sub_openid, need_user_confirm absent',
      pointer: '',
      apply: (base) => {
        const { openid: _o, sub_openid: _s, need_user_confirm: _n, ...rest } = base;
        return rest;
      },
    },
    {
      what: 'neither openid nor sub_openid, need_user_confirm false',
      pointer: '',
      apply: (base) => {
        const { openid: _o, sub_openid: _s, ...rest } = base;
        return { ...rest, need_user_confirm: false };
      },
    },
  ];
}

/** Who the order is for: the service and merchant ids, and the user's id in each confirmation mode. */
export const IDENTITY_RULES = defineRules('identities', {
  'REQ-SERVICE-ID': { fieldMutations: schemaMutations },
  'REQ-APPID': { fieldMutations: schemaMutations },
  'REQ-SUB-MCHID': { fieldMutations: schemaMutations },
  'REQ-SUB-APPID': { fieldMutations: schemaMutations },
  'REQ-CHANNEL-ID': { fieldMutations: schemaMutations },
  'CONFIRM-TYPE': { fieldMutations: schemaMutations },
  'OPENID-EXCLUSIVE': { mutations: openidExclusive },
  'SUBOPENID-NEEDS-SUBAPPID': {
    mutations: (c) => [
      {
        what: 'sub_openid without sub_appid',
        pointer: '/sub_appid',
        apply: (base) => {
          const { sub_appid: _a, ...rest } = toSubOpenidMode(base, c.identities);
          return rest;
        },
      },
    ],
  },
  'NO-AUTH': {
    notGeneratable:
      'needs the bindings of the target (which identities it knows); the specification module cannot see them, so no request breaks it by the spec alone',
  },
});
