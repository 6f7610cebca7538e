import { TYPE_PROPERTY_NAMES } from '../../specification';
import { MCHID } from './testKeys';

type Json = Record<string, unknown>;

/** The conforming 200 answer to a body: the echoed fields as sent, mchid, state for the mode, order_id, package. */
export function okAnswer(body: Json, mchid = MCHID): Json {
  const response: readonly string[] = TYPE_PROPERTY_NAMES.CreateOrderResponse;
  const echoed = Object.fromEntries(Object.entries(body).filter(([k]) => response.includes(k)));
  const confirm = body['need_user_confirm'] === true;
  return {
    ...echoed,
    mchid,
    order_id: '15646546545165651651',
    ...(confirm
      ? { state: 'CREATED', package: 'DJIOSQPYWDxsjdldeskdlfjsdfljsdffLKJHIU' }
      : { state: 'DOING', state_description: 'USER_CONFIRM' }),
  };
}
