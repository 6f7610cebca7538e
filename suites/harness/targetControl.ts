import { controlClient, controlUrlOf } from '../../mock';
import type { TargetHandle } from './target';

/** Whether this run may drive the target's state: only the embedded bundled mock. */
export function hasControl(target: TargetHandle): boolean {
  return target.kind === 'mock' && target.options.control;
}

/** POST /__control/<operation> on the bundled mock; a refusal is a harness problem, thrown. */
export function control(target: TargetHandle, operation: string, payload: unknown): Promise<unknown> {
  return controlClient(controlUrlOf(target.profile.baseUrl))(operation, payload);
}
