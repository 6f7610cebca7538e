import { documentedStatuses } from '../specification';
import { failure } from './judging';
import type { CheckDefinition } from './types';

/**
 * The status is one the operation documents in openapi.yaml. No rule is about statuses alone, so
 * an undocumented 2xx names RESP-SCHEMA (the success answer is the documented 200) and any other
 * undocumented status ERR-SCHEMA (an error's status/code pair must be catalogued).
 */
export const statusCodeConformance: CheckDefinition = {
  rules: ['RESP-SCHEMA', 'ERR-SCHEMA'],
  description: 'The response status is one openapi.yaml documents for POST serviceorder.',
  run(exchange) {
    if (exchange.response === undefined) return 'not-applicable';
    const { status } = exchange.response;
    const documented = documentedStatuses();
    if (documented.includes(status)) return [];
    const ruleId = status >= 200 && status < 300 ? 'RESP-SCHEMA' : 'ERR-SCHEMA';
    return [
      failure(ruleId, `status ${status} is not documented for this operation (documented: ${documented.join(', ')})`),
    ];
  },
};
