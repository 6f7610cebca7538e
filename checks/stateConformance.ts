import { limits } from '../specification';
import { answeredBody, asObject, failure, sentJson, show } from './judging';
import type { CheckDefinition, CheckFinding } from './types';

/**
 * STATE-VALUES: state_description only with DOING. STATE-CONFIRM-MODE: need_user_confirm true →
 * CREATED, no state_description, a package within limits().packageMaxLength. STATE-NO-CONFIRM-MODE:
 * false/absent → DOING + USER_CONFIRM. (The enums themselves are response_schema_conformance's.)
 * A state_description or package written null or "" is read as absent (RESP-ABSENT-FORM).
 */
export const stateConformance: CheckDefinition = {
  rules: ['STATE-VALUES', 'STATE-CONFIRM-MODE', 'STATE-NO-CONFIRM-MODE'],
  description: 'The 200 state fits need_user_confirm: CREATED with a package, or DOING/USER_CONFIRM.',
  run(exchange, ctx) {
    const body = answeredBody(exchange)?.body;
    if (body === undefined) return 'not-applicable';
    const { state, state_description: description, package: pkg } = body;
    const out: CheckFinding[] = [];
    if (description !== undefined && state !== 'DOING') {
      out.push(
        failure(
          'STATE-VALUES',
          `state_description ${show(description)} with state ${show(state)}; it appears only with DOING`,
          '/state_description',
        ),
      );
    }
    const sent = sentJson(exchange, ctx);
    const request = sent.ok ? asObject(sent.value) : undefined;
    if (request === undefined) return out;
    if (request['need_user_confirm'] === true) {
      const rule = 'STATE-CONFIRM-MODE';
      if (state !== 'CREATED')
        out.push(failure(rule, `need_user_confirm true answered state ${show(state)}, not CREATED`, '/state'));
      if (description !== undefined)
        out.push(
          failure(
            rule,
            `need_user_confirm true answered state_description ${show(description)}; none is due`,
            '/state_description',
          ),
        );
      const max = limits().packageMaxLength;
      if (typeof pkg !== 'string' || pkg === '')
        out.push(
          failure(rule, `need_user_confirm true answered package ${show(pkg)}; a non-empty string is due`, '/package'),
        );
      else if ([...pkg].length > max)
        out.push(failure(rule, `package is ${[...pkg].length} characters, over ${max}`, '/package'));
    } else if (state !== 'DOING' || description !== 'USER_CONFIRM') {
      out.push(
        failure(
          'STATE-NO-CONFIRM-MODE',
          `need_user_confirm ${show(request['need_user_confirm'])} answered ${show(state)}/${show(description)}, not DOING/USER_CONFIRM`,
          '/state',
        ),
      );
    }
    return out;
  },
};
