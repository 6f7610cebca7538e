import type { Identities } from '../config';
import { ruleAnswer, type Answer } from './answer';

/** NO-AUTH: service_id granted, sub_mchid under channel_id, appid and sub_appid bound. */
export function checkIdentities(body: Record<string, unknown>, ids: Identities): Answer | undefined {
  const refuse = (message: string): Answer => ruleAnswer('NO-AUTH', message);
  if (body['service_id'] !== ids.service_id) return refuse(`service_id ${String(body['service_id'])} is not granted to this institution`);
  if (body['sub_mchid'] !== ids.sub_mchid || body['channel_id'] !== ids.channel_id) {
    return refuse(`sub_mchid ${String(body['sub_mchid'])} is not under channel_id ${String(body['channel_id'])}`);
  }
  if (body['appid'] !== ids.appid) return refuse(`appid ${String(body['appid'])} is not bound to this institution`);
  if (body['sub_appid'] !== undefined && body['sub_appid'] !== ids.sub_appid) {
    return refuse(`sub_appid ${String(body['sub_appid'])} is not bound to sub_mchid ${ids.sub_mchid}`);
  }
  return undefined;
}
