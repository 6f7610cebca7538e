import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ErrorShape } from './behaviour';
import type { Latency } from './config';
import type { MockContext } from './context';
import { sendReply, type MockConsole } from './console';
import type { MockControl } from './control';
import { walkPath } from './createPath';
import type { Walk } from './createChecks';
import { BODY_LIMITS, JSON_MEDIA_TYPE, logSendFailure, ruleAnswer, sendAnswer, type Answer } from './handlers';
import { sendProtocolAnswer } from './protocolAnswers';

/**
 * Answers one request: the create path (createPath.ts) decides, then the answer is shaped, waits, is signed
 * and sent, logged and fed to the console. Never throws (a step's exception is a logged 500).
 */
export function createRequestHandler(
  ctx: MockContext,
  control: MockControl,
  pendingTimers: Set<NodeJS.Timeout>,
  mockConsole?: MockConsole,
) {
  const logging = ctx.config.logger !== undefined;
  const { tap } = ctx.config;
  type Decided = Pick<Walk, 'mchid' | 'seen' | 'consoleOwn'> & { answer: Answer };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = randomUUID();
    const url = req.url ?? '/';
    const walk: Walk = {
      req,
      method: req.method ?? 'GET',
      url,
      path: url.split('?')[0] ?? '/',
      console: mockConsole,
      control,
    };
    let decided: Decided;
    try {
      const answer = await walkPath(ctx, walk);
      // Answered before any route: as node:http would, but signed JSON (HTTP-MALFORMED, AUTH-SINGLE).
      if (walk.protocol === true)
        return answerAfter(latencyMs(ctx.config.latency), pendingTimers, () =>
          sendProtocolAnswer(ctx, res, answer, { method: req.method, path: req.url }),
        );
      if (walk.reply !== undefined) return sendReply(res, walk.reply);
      const { mchid, seen, consoleOwn } = walk;
      decided = {
        answer: shapeAnswer(ctx, answer, walk.bodyBytes ?? 0),
        ...(mchid === undefined ? {} : { mchid }),
        ...(seen === undefined ? {} : { seen }),
        ...(consoleOwn === undefined ? {} : { consoleOwn }),
      };
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
      const feed = decided.consoleOwn === true ? undefined : mockConsole;
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
  }
  return (req: IncomingMessage, res: ServerResponse): void => void handle(req, res);
}

/**
 * The answer-shaping seam for errors: the route and size answers the policy names, then the error
 * body through every variation's hook (detail, messages, codes, extra fields).
 */
function shapeAnswer(ctx: MockContext, answer: Answer, bodyBytes: number): Answer {
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

/** One answer's wait under `latency` (0 without). */
export function latencyMs(latency: Latency | undefined, random: () => number = Math.random): number {
  if (latency === undefined) return 0;
  return Math.max(0, Math.round(latency.ms + (random() * 2 - 1) * latency.jitterMs));
}

/** Runs `answer` after `delayMs` (at once for 0), on a timer the server cancels when it stops. */
function answerAfter(delayMs: number, timers: Set<NodeJS.Timeout>, answer: () => Promise<void>): void {
  if (delayMs <= 0) {
    void answer();
    return;
  }
  const timer = setTimeout(() => {
    timers.delete(timer);
    void answer();
  }, delayMs);
  timers.add(timer);
}
