import { failure, okBody, show } from './judging';
import type { CheckDefinition } from './types';

/** RESP-MCHID: the 200 body's mchid is the Authorization header's, whatever the body says. */
export const mchidConformance: CheckDefinition = {
  rules: ['RESP-MCHID'],
  description: "mchid in a 200 body is the mchid of the request's Authorization header.",
  run(exchange, ctx) {
    const body = okBody(exchange);
    if (body === undefined) return 'not-applicable';
    const mchid = body['mchid'];
    if (mchid === ctx.mchid) return [];
    return [
      failure(
        'RESP-MCHID',
        `mchid is ${show(mchid)}, the Authorization header says ${JSON.stringify(ctx.mchid)}`,
        '/mchid',
      ),
    ];
  },
};
