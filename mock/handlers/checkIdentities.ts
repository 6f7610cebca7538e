import { bindingViolations, type BoundIdentities } from '../../specification';
import { ruleAnswer, type Answer } from './answer';

/** NO-AUTH: the first identity of the body that is not bound to the institution. */
export function checkIdentities(body: Record<string, unknown>, ids: BoundIdentities): Answer | undefined {
  const [first] = bindingViolations(body, ids);
  return first === undefined ? undefined : ruleAnswer('NO-AUTH', first.message);
}
