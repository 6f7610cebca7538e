import fc from 'fast-check';
import type { BoundIdentities, CreateOrderRequest } from '../specification';

/** The fields that decide the openid rules: need_user_confirm, openid, sub_openid, sub_appid. */
export type UserFields = Pick<CreateOrderRequest, 'need_user_confirm' | 'openid' | 'sub_openid' | 'sub_appid'>;

/**
 * Every valid combination: no-confirm mode (need_user_confirm false or absent) with exactly one
 * of openid (sub_appid optional) and sub_openid (sub_appid required); confirm mode with neither
 * (sub_appid optional). Confirm mode with openid or sub_openid is CONFIRM-MODE-OPENID, a DECISION
 * (older text says "not filled" there): the edges send it, labelled with that rule.
 */
export function userFieldsArbitrary(ids: BoundIdentities): fc.Arbitrary<UserFields> {
  const noConfirm = fc.constantFrom<UserFields>({}, { need_user_confirm: false });
  const withOpenid = fc.tuple(noConfirm, fc.boolean()).map(([mode, subAppid]): UserFields => ({
    ...mode,
    openid: ids.openid,
    ...(subAppid ? { sub_appid: ids.sub_appid } : {}),
  }));
  const withSubOpenid = noConfirm.map((mode): UserFields => ({
    ...mode,
    sub_openid: ids.sub_openid,
    sub_appid: ids.sub_appid,
  }));
  const confirm = fc
    .boolean()
    .map((sa): UserFields => ({ need_user_confirm: true, ...(sa ? { sub_appid: ids.sub_appid } : {}) }));
  return fc.oneof(withOpenid, withSubOpenid, confirm);
}

/** A copy in no-confirm mode with openid only (sub_appid kept): the mode a mutation on openid needs. */
export function toOpenidMode(request: CreateOrderRequest, ids: BoundIdentities): CreateOrderRequest {
  const { sub_openid: _s, need_user_confirm: _n, ...rest } = request;
  return { ...rest, openid: ids.openid };
}

/** A copy in no-confirm mode with sub_openid and sub_appid, no openid. */
export function toSubOpenidMode(request: CreateOrderRequest, ids: BoundIdentities): CreateOrderRequest {
  const { openid: _o, need_user_confirm: _n, ...rest } = request;
  return { ...rest, sub_openid: ids.sub_openid, sub_appid: ids.sub_appid };
}

/** A copy in confirm mode with neither openid nor sub_openid (sub_appid kept): valid in every reading. */
export function toConfirmMode(request: CreateOrderRequest): CreateOrderRequest {
  const { openid: _o, sub_openid: _s, ...rest } = request;
  return { ...rest, need_user_confirm: true };
}
