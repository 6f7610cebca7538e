import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { TIMESTAMP_WINDOW_SECONDS } from '../apiv3';
import { composeBehaviour } from './behaviour';
import { createCallbackDispatcher } from './callbacks';
import type { MockConfig, PlatformKey } from './config';
import type { MockContext } from './context';
import { createConsole } from './console';
import { createControl, type MockControl } from './control';
import { createRateLimiter } from './createChecks';
import { FAULTS } from './faults';
import {
  answerClientError,
  expectationAnswer,
  HTTP_TIMEOUTS,
  sendProtocolAnswer,
  TIMEOUT_CHECK_INTERVAL_MS,
} from './protocolAnswers';
import { READINGS } from './readings';
import { createRequestHandler } from './requestHandler';
import { createClock, createNonceCache, createOrderBook, sqliteOrderStore, type Clock, type OrderStore } from './store';

/** The mock: a node:http Server (not listening) with its store, clock and control. */
export type MockServer = Server & {
  readonly mockConfig: MockConfig;
  readonly store: OrderStore;
  readonly clock: Clock;
  readonly control: MockControl;
  /** close() as a promise: stops listening, cancels callbacks, closes the store. */
  stop(): Promise<void>;
};

const SWEEP_INTERVAL_MS = 60_000;

/** Builds the reference mock server; the caller decides where it listens. The server owns its store. */
export function createMockServer(config: MockConfig): MockServer {
  if (config.platformKeys.length === 0) throw new Error('createMockServer needs at least one platform key');
  const keys = new Map<string, PlatformKey>(config.platformKeys.map((k) => [k.serial, k]));
  const defaultKey = config.platformKeys[0] as PlatformKey;
  const store = config.store ?? sqliteOrderStore();
  const clock = config.clock ?? createClock();
  const wallClock = config.wallClock ?? Date.now;
  const behaviour = composeBehaviour([
    ...(config.faults ?? []).map((f) => FAULTS[f]),
    ...(config.readings ?? []).map((r) => READINGS[r]),
  ]);
  const orders = createOrderBook(store, clock, {
    expire: behaviour.policy.expire,
    caseInsensitiveOutOrderNo: behaviour.policy.outOrderNoMatch === 'case-insensitive',
    ...(behaviour.policy.expiryMs === undefined ? {} : { expiryMs: behaviour.policy.expiryMs }),
  });
  const ctx: MockContext = {
    config,
    orders,
    clock,
    wallClock,
    behaviour,
    nonces: createNonceCache(TIMESTAMP_WINDOW_SECONDS, store),
    rateLimiter: createRateLimiter(config.rateLimit ?? behaviour.policy.rateLimitPerSecond ?? 0),
    platformKey: (serial) => (serial === undefined ? defaultKey : keys.get(serial)),
    log: config.logger ?? (() => undefined),
  };
  const callbacks = createCallbackDispatcher({
    platformKey: () => defaultKey,
    apiV3Key: config.apiV3Key,
    now: () => clock.now(),
    wallClock,
    ...(config.callbackDelayScale === undefined ? {} : { delayScale: config.callbackDelayScale }),
    ...(config.callbackTimeoutMs === undefined ? {} : { timeoutMs: config.callbackTimeoutMs }),
    ...(config.callbackAnyHost === undefined ? {} : { anyHost: config.callbackAnyHost }),
  });
  const control = createControl(ctx, callbacks);
  const timers = new Set<NodeJS.Timeout>();
  const handle = createRequestHandler(ctx, control, timers, config.console === true ? createConsole(ctx) : undefined);
  const headersTimeout = config.headersTimeoutMs ?? HTTP_TIMEOUTS.headersMs;
  const requestTimeout = Math.max(headersTimeout, config.requestTimeoutMs ?? HTTP_TIMEOUTS.requestMs);
  // Host is checked on the create path (its first step): node:http's own check answers a bare, unsigned 400.
  const server = createServer(
    {
      requireHostHeader: false,
      headersTimeout,
      requestTimeout,
      connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_INTERVAL_MS, headersTimeout),
    },
    handle,
  );
  // Every answer is signed JSON, those node:http would otherwise give itself included (HTTP-MALFORMED).
  server.on('clientError', (error: Error, socket) => answerClientError(ctx, error, socket as Socket));
  server.on(
    'checkExpectation',
    (req, res) => void sendProtocolAnswer(ctx, res, expectationAnswer(req), { method: req.method, path: req.url }),
  );
  const sweep = setInterval(() => orders.sweep(), SWEEP_INTERVAL_MS);
  sweep.unref();

  let closed = false;
  const cleanup = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(sweep);
    for (const timer of timers) clearTimeout(timer);
    callbacks.close();
    store.close();
  };
  const originalClose = server.close.bind(server);
  const mock = Object.assign(server, {
    mockConfig: config,
    store,
    clock,
    control,
    stop: () =>
      new Promise<void>((resolve) => {
        mock.close(() => resolve());
      }),
  });
  mock.close = (callback?: (err?: Error) => void) => {
    originalClose(callback);
    server.closeAllConnections();
    cleanup();
    return mock;
  };
  return mock;
}
