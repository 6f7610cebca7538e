import { answeredBody, echoDiff, type EchoDiff, ECHOED_FIELDS, failure, show, UNECHOED_FIELDS } from './judging';
import type { CheckDefinition, CheckFinding } from './types';

/**
 * RESP-ECHO (SEED): each echoed field that was sent comes back deep-equal, Unicode exact; one not
 * sent does not come back with a value. RESP-ECHO-EXACT (DECISION, mock only): nothing added —
 * no openid/sub_openid/need_user_confirm, no default filled in. Both sides are read with null, ""
 * and [] for "no value" as absent (RESP-ABSENT-FORM, response_schema_conformance's to report).
 */
export const echoConformance: CheckDefinition = {
  rules: ['RESP-ECHO', 'RESP-ECHO-EXACT'],
  description: 'A 200 to a valid request or a replay echoes the listed fields exactly as sent.',
  run(exchange, ctx) {
    if (ctx.expectation.kind !== 'accept' && ctx.expectation.kind !== 'replay') return 'not-applicable';
    const read = answeredBody(exchange, ctx);
    const body = read?.body;
    const sentObject = read?.sent;
    if (body === undefined || sentObject === undefined) return 'not-applicable';
    const diff: EchoDiff = { mismatches: [], extras: [] };
    for (const field of ECHOED_FIELDS) {
      const pointer = `/${field}`;
      if (Object.hasOwn(sentObject, field)) {
        if (!Object.hasOwn(body, field))
          diff.mismatches.push({ pointer, message: `sent ${show(sentObject[field])}, not echoed` });
        else echoDiff(sentObject[field], body[field], pointer, diff);
      } else if (body[field] !== undefined) {
        diff.mismatches.push({ pointer, message: `not sent, echoed as ${show(body[field])}` });
      }
    }
    for (const field of UNECHOED_FIELDS) {
      if (Object.hasOwn(body, field))
        diff.extras.push({
          pointer: `/${field}`,
          message: `the answer carries ${field} (${show(body[field])}), which is not echoed`,
        });
    }
    const out: CheckFinding[] = diff.mismatches.map((m) => failure('RESP-ECHO', m.message, m.pointer));
    if (ctx.targetKind === 'mock')
      out.push(...diff.extras.map((e) => failure('RESP-ECHO-EXACT', e.message, e.pointer)));
    return out;
  },
};
