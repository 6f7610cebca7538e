import { controlClient, controlUrlOf } from '../../mock';
import type { TargetHandle } from './target';

/** Set by globalSetup when the embedded mock runs with its control interface (loopback only). */
export const CONTROL_ENV = 'PAYSCORE_CONTROL';

/** Whether this run may drive the target's state: only the embedded bundled mock. */
export function hasControl(target: TargetHandle): boolean {
  return target.kind === 'mock' && process.env[CONTROL_ENV] === '1';
}

/** POST /__control/<operation> on the bundled mock; a refusal is a harness problem, thrown. */
export function control(target: TargetHandle, operation: string, payload: unknown): Promise<unknown> {
  return controlClient(controlUrlOf(target.profile.baseUrl))(operation, payload);
}
