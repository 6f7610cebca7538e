import type { MockContext } from '../context';
import type { ErrorShape } from '../behaviour';
import type { Answer } from './answer';
import { BODY_LIMITS } from './bodyLimits';

/**
 * The answer-shaping seam for errors: the route and size answers the policy names, then the error
 * body through every variation's hook (detail, messages, codes, extra fields).
 */
export function shapeAnswer(ctx: MockContext, answer: Answer, bodyBytes: number): Answer {
  const { policy } = ctx.behaviour;
  let status = answer.status;
  let body = answer.body as ErrorShape['body'] | undefined;
  const route =
    answer.ruleId === 'ROUTE-UNKNOWN'
      ? policy.unknownPathAnswer
      : answer.ruleId === 'ROUTE-METHOD'
        ? policy.wrongMethodAnswer
        : undefined;
  if (route !== undefined && body !== undefined) {
    status = route.status;
    body = { ...body, code: route.code };
  }
  if (answer.ruleId === 'BODY-LIMITS' && policy.oversizedStatus !== undefined && bodyBytes > BODY_LIMITS.maxBytes)
    status = policy.oversizedStatus;
  if (status < 400 || body === undefined || typeof body.code !== 'string') return answer;
  const shaped = ctx.behaviour.errorBody({ status, ruleId: answer.ruleId, body });
  return { ...answer, status, body: shaped, code: shaped.code };
}
