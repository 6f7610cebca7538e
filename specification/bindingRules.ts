import type { BoundIdentities } from './types';
import type { Violation } from './rule';

/**
 * NO-AUTH: the identities a body names must be bound to the caller — service_id granted, sub_mchid
 * under channel_id, appid and sub_appid (when sent) bound. openid and sub_openid are users, not
 * bindings. Target configuration, not a property of the body: the profile states the bindings.
 */
export function bindingViolations(body: Record<string, unknown>, ids: BoundIdentities): Violation[] {
  const out: Violation[] = [];
  const refuse = (pointer: string, message: string): void => void out.push({ ruleId: 'NO-AUTH', pointer, message });
  if (body['service_id'] !== ids.service_id)
    refuse('/service_id', `service_id ${String(body['service_id'])} is not granted to this institution`);
  if (body['sub_mchid'] !== ids.sub_mchid || body['channel_id'] !== ids.channel_id) {
    refuse(
      '/sub_mchid',
      `sub_mchid ${String(body['sub_mchid'])} is not under channel_id ${String(body['channel_id'])}`,
    );
  }
  if (body['appid'] !== ids.appid) refuse('/appid', `appid ${String(body['appid'])} is not bound to this institution`);
  if (body['sub_appid'] !== undefined && body['sub_appid'] !== ids.sub_appid) {
    refuse('/sub_appid', `sub_appid ${String(body['sub_appid'])} is not bound to sub_mchid ${ids.sub_mchid}`);
  }
  return out;
}
