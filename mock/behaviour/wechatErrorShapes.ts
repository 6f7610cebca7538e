import { ENDPOINT_PATH } from '../../specification';
import type { ErrorShape } from './variation';

type Body = ErrorShape['body'];

/** Messages as WeChat Pay writes them, by code. */
export const CHINESE_MESSAGES: Readonly<Record<string, string>> = {
  PARAM_ERROR: '参数错误',
  INVALID_REQUEST: '无效请求',
  SIGN_ERROR: '签名错误',
  NO_AUTH: '商户无权限',
  FREQUENCY_LIMITED: '频率超限',
  SYSTEM_ERROR: '系统错误',
  INVALID_ORDER_STATE: '订单状态错误',
  ORDER_CANCELED: '订单已被取消',
  ORDER_DONE: '订单已完成',
  ORDER_NOT_EXIST: '订单不存在',
};

/**
 * detail as WeChat Pay's gateway shapes it (facts §4): SIGN_ERROR nests the issue and a
 * sign_information record; PARAM_ERROR gives {location, value} and names the field only inside
 * the message.
 */
export function wechatDetail(body: Body): Body {
  const { detail, ...rest } = body;
  if (body.code === 'SIGN_ERROR') {
    return {
      ...rest,
      detail: {
        detail: { issue: 'sign not match' },
        field: 'signature',
        location: 'authorization',
        sign_information: { method: 'POST', url: ENDPOINT_PATH, sign_message_length: 0, truncated_sign_message: '' },
      },
    };
  }
  if (body.code !== 'PARAM_ERROR' || detail === undefined) return body;
  const field = typeof detail['field'] === 'string' ? detail['field'] : '';
  return {
    ...rest,
    message: `输入源"/body${field}"映射到值字段规则校验失败`,
    detail: { location: 'body', value: detail['value'] ?? null },
  };
}
