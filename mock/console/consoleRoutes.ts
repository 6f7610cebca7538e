import type { IncomingHttpHeaders } from 'node:http';
import type { MockContext } from '../context';
import { ControlError, isLoopback } from '../control';
import { errorAnswer, parseJsonBody, type Answer } from '../handlers';
import { behaviourSwitches } from './behaviourSwitches';
import { consolePage } from './consolePage';
import { orderRows } from './orderRows';
import { requestFeed, type FeedInput } from './requestFeed';

export const CONSOLE_PATH = '/__console';

export interface ConsoleRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  remoteAddress: string | undefined;
  body: Buffer;
}

/** What the console sends as it is: unsigned, never delayed (it is the developer's tool, not the API under test). */
export interface ConsoleReply {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

/** A page or JSON of the console, or an error answered as the control interface answers its errors. */
export type ConsoleOutcome = { reply: ConsoleReply } | { answer: Answer };

export interface MockConsole {
  owns(path: string): boolean;
  route(req: ConsoleRequest): Promise<ConsoleOutcome>;
  /** One request the mock answered (not the console's own). */
  record(input: FeedInput): void;
}

const json = (body: unknown): ConsoleOutcome => ({
  reply: { status: 200, contentType: 'application/json', body: JSON.stringify(body) },
});

const sinceOf = (url: string): number => {
  const since = Number(new URL(url, 'http://console').searchParams.get('since') ?? 0);
  return Number.isSafeInteger(since) && since > 0 ? since : 0;
};

/** The live console at /__console: requests as they arrive, the orders, the switches, the client report. */
export function createConsole(ctx: MockContext): MockConsole {
  const feed = requestFeed();
  const switches = behaviourSwitches(ctx);
  const { tap } = ctx.config;
  const audit = tap?.clientReport !== undefined;
  const get: Record<string, (url: string) => ConsoleOutcome> = {
    '': () => ({
      reply: { status: 200, contentType: 'text/html; charset=utf-8', body: consolePage(switches.list(), audit) },
    }),
    '/requests': (url) => json({ audit, requests: feed.after(sinceOf(url)) }),
    '/orders': () => json({ count: ctx.orders.store.count(), orders: orderRows(ctx.orders.store) }),
    '/switches': () => json(switches.list()),
    '/report': () => {
      let report: { fileName: string; html: string } | undefined;
      try {
        report = tap?.clientReport?.();
      } catch (error) {
        // A removed or read-only --audit folder: say so, as the answer, rather than a bare 500.
        return {
          answer: errorAnswer('SYSTEM_ERROR', `the client report could not be written: ${(error as Error).message}`),
        };
      }
      if (report === undefined)
        return {
          answer: errorAnswer(
            'NOT_FOUND',
            audit
              ? 'no client report yet: it is written once the mock knows its caller'
              : 'no client report: start the mock with --audit DIR to judge its callers',
          ),
        };
      return {
        reply: {
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: report.html,
          headers: { 'Content-Disposition': `attachment; filename="${report.fileName}"` },
        },
      };
    },
  };
  const post = (req: ConsoleRequest): ConsoleOutcome => {
    // Only a script of this page sends application/json: a form on another site cannot switch faults here.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return { answer: errorAnswer('PARAM_ERROR', 'switches take a JSON body (Content-Type: application/json)') };
    const parsed = parseJsonBody(req.body);
    if (!parsed.ok) return { answer: parsed.answer };
    const { kind, name, on } = parsed.value;
    return json(switches.set(kind, name, on));
  };
  return {
    owns: (path) => path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`),
    async route(req) {
      if (!isLoopback(req.remoteAddress))
        return {
          answer: errorAnswer(
            'NO_AUTH',
            `the console answers loopback callers only, not ${req.remoteAddress ?? 'unknown'}`,
          ),
        };
      const name = (req.url.split('?')[0] ?? '').slice(CONSOLE_PATH.length);
      try {
        if (name === '/switches' && req.method === 'POST') return post(req);
        const route = Object.prototype.hasOwnProperty.call(get, name) ? get[name] : undefined;
        if (route === undefined) return { answer: errorAnswer('NOT_FOUND', `no console page ${CONSOLE_PATH}${name}`) };
        if (req.method !== 'GET' && req.method !== 'HEAD')
          return {
            answer: {
              ...errorAnswer('METHOD_NOT_ALLOWED', `${CONSOLE_PATH}${name} takes GET`),
              headers: { Allow: name === '/switches' ? 'GET, POST' : 'GET' },
            },
          };
        return route(req.url);
      } catch (error) {
        if (error instanceof ControlError)
          return {
            answer: errorAnswer(
              error.wireCode,
              error.message,
              error.at === undefined ? undefined : { ...error.at, issue: error.message },
            ),
          };
        throw error;
      }
    },
    record: (input) => feed.record(input),
  };
}
