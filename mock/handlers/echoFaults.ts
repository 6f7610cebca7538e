import type { MockContext } from '../context';

/** wrong-mchid-echo (RESP-MCHID) and echo-drift (RESP-ECHO) applied to a 200 body. */
export function applyEchoFaults(ctx: MockContext, response: Record<string, unknown>, body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...response };
  if (ctx.faults.has('wrong-mchid-echo')) out['mchid'] = body['channel_id'] === out['mchid'] ? `${String(out['mchid'])}0` : body['channel_id'];
  const intro = out['service_introduction'];
  if (ctx.faults.has('echo-drift') && typeof intro === 'string') out['service_introduction'] = intro.replace(/[^\x00-\x7f]/u, '?');
  return out;
}
