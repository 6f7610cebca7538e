import { failure } from './judging';
import type { CheckDefinition } from './types';

/** application/json, any case, parameters such as charset ignored. */
const isJsonMediaType = (value: string | undefined): boolean =>
  value?.split(';')[0]?.trim().toLowerCase() === 'application/json';

/** RESP-CONTENT-TYPE: JSON out — a response with a body says application/json and is JSON. */
export const contentTypeConformance: CheckDefinition = {
  rules: ['RESP-CONTENT-TYPE'],
  description: 'A response with a body has Content-Type application/json and its body parses as JSON.',
  run(exchange) {
    const response = exchange.response;
    if (response === undefined || response.body.length === 0) return 'not-applicable';
    const contentType = response.headers['content-type'];
    const out = [];
    if (!isJsonMediaType(contentType)) {
      out.push(
        failure(
          'RESP-CONTENT-TYPE',
          `Content-Type is ${contentType === undefined ? 'absent' : JSON.stringify(contentType)}, not application/json`,
        ),
      );
    }
    if (response.json === undefined) {
      out.push(
        failure(
          'RESP-CONTENT-TYPE',
          `the ${response.body.length}-byte body does not parse as JSON: ${JSON.stringify(response.body.toString('utf8').slice(0, 120))}`,
        ),
      );
    }
    return out;
  },
};
