import { ENDPOINT_PATH } from '../specification';
import type { ProxiedRequest } from './resign';

/** What the mock answered one replayed create-order request (its error body says why it refused). */
export interface MockAnswer {
  /** The request's out_order_no, which pairs the answer with its interaction. */
  outOrderNo?: string;
  status: number;
  body: string;
}

/** The part of the proxy's response the log wraps. */
interface ProxiedResponse {
  statusCode: number;
  write: (...args: unknown[]) => boolean;
  end: (...args: unknown[]) => unknown;
}

type Filter = (req: ProxiedRequest, res: never, next: (error?: unknown) => void) => void;

const MAX_BODY = 600;
const chunkOf = (chunk: unknown): Buffer | undefined =>
  typeof chunk === 'string' || chunk instanceof Uint8Array ? Buffer.from(chunk) : undefined;

/**
 * Wraps a request filter: for each create-order request it records, in arrival order, the status and
 * body the proxy hands back from the mock. Pact's report says that a status differed, not why.
 */
export function loggingAnswers(filter: Filter, answers: MockAnswer[]): Filter {
  return (req, res, next) => {
    if (req.method === 'POST' && req.url.split('?')[0] === ENDPOINT_PATH) {
      const given = (req.body as { out_order_no?: unknown } | undefined)?.out_order_no;
      const out = res as unknown as ProxiedResponse;
      const chunks: Buffer[] = [];
      const write = out.write.bind(out);
      const end = out.end.bind(out);
      out.write = (...args: unknown[]) => {
        const chunk = chunkOf(args[0]);
        if (chunk !== undefined) chunks.push(chunk);
        return write(...args);
      };
      out.end = (...args: unknown[]) => {
        const chunk = chunkOf(args[0]);
        if (chunk !== undefined) chunks.push(chunk);
        answers.push({
          ...(typeof given === 'string' ? { outOrderNo: given } : {}),
          status: out.statusCode,
          body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY),
        });
        return end(...args);
      };
    }
    filter(req, res, next);
  };
}
