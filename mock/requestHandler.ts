import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { CERTIFICATES_PATH, ENDPOINT_PATH } from '../specification';
import type { MockContext } from './context';
import { answerAfter, latencyMs } from './latency';
import { logSendFailure } from './logSendFailure';
import { sendReply, type ConsoleReply, type MockConsole } from './console';
import { CONTROL_PREFIX, controlRoute, isLoopback, type MockControl } from './control';
import { AUDIT_CONTROL_PATH, type TappedRequest } from './wireTap';
import {
  createOrder,
  downloadCertificates,
  readBody,
  ruleAnswer,
  sendAnswer,
  shapeAnswer,
  BODY_LIMITS,
  JSON_MEDIA_TYPE,
  errorAnswer,
  type Answer,
} from './handlers';

/** Routes one request and answers it; never throws (a handler exception is a logged 500). */
export function createRequestHandler(
  ctx: MockContext,
  control: MockControl,
  pendingTimers: Set<NodeJS.Timeout>,
  mockConsole?: MockConsole,
) {
  const logging = ctx.config.logger !== undefined;
  const { tap } = ctx.config;
  type Decided = {
    answer: Answer;
    mchid?: string;
    bodyBytes?: number;
    seen?: TappedRequest;
    /** A console page or JSON, sent as it is; `console` marks the console's own requests (not in its feed). */
    reply?: ConsoleReply;
    console?: true;
  };
  async function decide(req: IncomingMessage): Promise<Decided> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    // The console and the control interface come before any fault: a switched-on system-error must not lock the console out.
    if (mockConsole?.owns(path) === true) {
      const { bytes } = await readBody(req);
      const outcome = await mockConsole.route({
        method,
        url,
        headers: req.headers,
        remoteAddress: req.socket.remoteAddress,
        body: bytes,
      });
      return 'reply' in outcome
        ? { answer: { status: outcome.reply.status }, reply: outcome.reply, console: true }
        : { answer: outcome.answer, console: true };
    }
    if (tap?.audit !== undefined && path === AUDIT_CONTROL_PATH && method === 'GET')
      return {
        answer: isLoopback(req.socket.remoteAddress)
          ? { status: 200, body: tap.audit() }
          : errorAnswer('NO_AUTH', 'the audit answers loopback callers only'),
      };
    if (ctx.config.control === true && path.startsWith(CONTROL_PREFIX)) {
      const { bytes } = await readBody(req);
      return {
        answer: await controlRoute(control, { method, path, remoteAddress: req.socket.remoteAddress, body: bytes }),
      };
    }
    // Read per request: the console may switch faults and readings while the mock runs.
    const { policy } = ctx.behaviour;
    if (policy.answerEverything !== undefined)
      return { answer: ruleAnswer(policy.answerEverything, 'the answer to every request (a fault)') };
    if (path === CERTIFICATES_PATH) {
      const { bytes } = await readBody(req);
      return {
        answer: await downloadCertificates(ctx, { method, pathWithQuery: url, headers: req.headers, body: bytes }),
      };
    }
    if (path !== ENDPOINT_PATH) return { answer: ruleAnswer('ROUTE-UNKNOWN', `no resource ${path}`) };
    if (method !== 'POST')
      return {
        answer: {
          ...ruleAnswer('ROUTE-METHOD', `${method} is not allowed on ${path}; use POST`),
          headers: { Allow: 'POST' },
        },
      };
    const body = await readBody(req);
    const seen = { method, url, headers: req.headers, body: body.bytes, receivedAt: ctx.wallClock() };
    const instead = tap?.arrived?.(seen);
    if (instead !== undefined) return { answer: errorAnswer(instead.code, instead.message, instead.detail), seen };
    if (body.overHardCap) {
      return {
        answer: {
          ...ruleAnswer('BODY-LIMITS', `the body is over ${BODY_LIMITS.hardCapBytes} bytes; not read further`),
          headers: { Connection: 'close' },
        },
        bodyBytes: BODY_LIMITS.hardCapBytes + 1,
        ...(tap === undefined ? {} : { seen }),
      };
    }
    return {
      ...(await createOrder(ctx, { method, pathWithQuery: url, headers: req.headers, body: body.bytes })),
      bodyBytes: body.bytes.length,
      ...(tap === undefined ? {} : { seen }),
    };
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = randomUUID();
    let decided: Decided;
    try {
      decided = await decide(req);
      if (decided.reply !== undefined) return sendReply(res, decided.reply);
      decided.answer = shapeAnswer(ctx, decided.answer, decided.bodyBytes ?? 0);
    } catch (error) {
      ctx.log(
        JSON.stringify({
          level: 'error',
          request_id: requestId,
          method: req.method,
          path: req.url,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
      );
      decided = { answer: ruleAnswer('SYSTEM-ERROR', 'system error, retry with the same parameters') };
    }
    const { answer } = decided;
    const serial = req.headers['wechatpay-serial'];
    const finish = async (): Promise<void> => {
      try {
        const { seen } = decided;
        const deliver =
          tap === undefined || seen === undefined
            ? undefined
            : (status: number, headers: Record<string, string | number>, body: string) =>
                tap.deliver(seen, { status, headers, body }, res);
        await sendAnswer(ctx, res, answer, requestId, typeof serial === 'string' ? serial : undefined, deliver);
      } catch (error) {
        logSendFailure(ctx, requestId, error);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': JSON_MEDIA_TYPE, 'Request-ID': requestId });
        res.end();
      }
      const feed = decided.console === true ? undefined : mockConsole;
      // Building the line costs a JSON.stringify per request: only when someone reads it.
      if (!logging && feed === undefined) return;
      const code = answer.code ?? (answer.status === 200 ? undefined : 'UNKNOWN');
      const ms = Math.round((performance.now() - started) * 100) / 100;
      const diagnosis = answer.diagnosis === undefined ? {} : { diagnosis: answer.diagnosis };
      if (logging)
        ctx.log(
          JSON.stringify({
            method: req.method,
            path: req.url,
            status: answer.status,
            code,
            mchid: decided.mchid,
            ms,
            request_id: requestId,
            ...diagnosis,
          }),
        );
      const findings = decided.seen === undefined ? undefined : tap?.findingsOf?.(decided.seen);
      feed?.record({
        at: new Date(ctx.wallClock()).toISOString(),
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        status: answer.status,
        ...(code === undefined ? {} : { code }),
        ms,
        ...diagnosis,
        ...(findings === undefined ? {} : { findings }),
      });
    };
    // slow-answers (a fault) and --latency (a distant target) wait after the decision, before the answer.
    const { policy } = ctx.behaviour;
    const delay = (policy.slowAnswers ? (ctx.config.slowAnswerMs ?? 10_000) : 0) + latencyMs(ctx.config.latency);
    if (delay > 0) answerAfter(delay, pendingTimers, finish);
    else await finish();
  };
}
