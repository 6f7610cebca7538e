import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { MockContext } from './context';
import { logSendFailure, ruleAnswer, sendAnswer, type Answer } from './handlers';

/** The mock's HTTP timeouts (HTTP-MALFORMED): a slow sender holds a socket for seconds, not minutes. */
export const HTTP_TIMEOUTS = {
  /** All request headers must have arrived this many ms after the connection or the previous request. */
  headersMs: 5_000,
  /** The whole request, body included. */
  requestMs: 10_000,
} as const;

/** How often node:http looks for connections over their timeouts (its default, 30 s, would let them run on). */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/** The answer with the connection closed after it (HTTP-MALFORMED). */
export const closing = (answer: Answer): Answer => ({ ...answer, headers: { ...answer.headers, Connection: 'close' } });

/** An Expect the mock does not meet (anything but 100-continue, which node:http answers itself). */
export function expectationAnswer(req: IncomingMessage): Answer {
  return closing(ruleAnswer('HTTP-MALFORMED', `Expect ${JSON.stringify(req.headers.expect ?? '')} is not supported`));
}

/** Signs and sends an answer decided outside the routes, with its Request-ID and log line. */
export async function sendProtocolAnswer(
  ctx: MockContext,
  res: ServerResponse,
  answer: Answer,
  what: { method?: string | undefined; path?: string | undefined },
): Promise<void> {
  const requestId = randomUUID();
  try {
    await sendAnswer(ctx, res, answer, requestId, undefined);
  } catch (error) {
    logSendFailure(ctx, requestId, error);
    res.destroy();
    return;
  }
  if (ctx.config.logger !== undefined)
    ctx.log(
      JSON.stringify({
        method: what.method,
        path: what.path,
        status: answer.status,
        code: answer.code,
        request_id: requestId,
      }),
    );
}

const answered = new WeakSet<Socket>();

/** A ServerResponse writing to a socket whose request node:http could not parse. */
function responseOn(socket: Socket): ServerResponse {
  const req = new IncomingMessage(socket);
  req.method = 'GET';
  req.httpVersionMajor = 1;
  req.httpVersionMinor = 1;
  const res = new ServerResponse(req);
  res.assignSocket(socket);
  socket.once('close', () => res.destroy());
  return res;
}

/**
 * node:http's clientError: a request it could not parse, or one over a timeout. Where the socket
 * still takes bytes and no answer is under way on it, the answer is signed JSON (HTTP-MALFORMED)
 * on a ServerResponse of its own; then the connection closes. A parser may report one socket twice.
 */
export function answerClientError(
  ctx: MockContext,
  error: Error & { code?: string; reason?: string },
  socket: Socket,
): void {
  if (answered.has(socket)) return;
  answered.add(socket);
  // A request whose body is still arriving has its response object already: answer on it, unless it has begun.
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage ?? undefined;
  if (!socket.writable || inFlight?.headersSent === true || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const message = timedOut
    ? `the request did not arrive within the mock's timeouts (headers ${ctx.config.headersTimeoutMs ?? HTTP_TIMEOUTS.headersMs} ms, request ${ctx.config.requestTimeoutMs ?? HTTP_TIMEOUTS.requestMs} ms)`
    : `the request is not HTTP/1.1 the mock can read: ${error.code ?? 'parse error'}${error.reason === undefined ? '' : ` (${error.reason})`}`;
  const res = inFlight ?? responseOn(socket);
  res.shouldKeepAlive = false;
  res.once('finish', () => socket.destroySoon());
  void sendProtocolAnswer(ctx, res, closing(ruleAnswer('HTTP-MALFORMED', message)), { path: error.code });
}
