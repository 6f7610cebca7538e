import type { MockContext } from './context';

/** An answer that could not be sent (signing or the socket failed): logged once, as a JSON line, with its Request-ID. */
export function logSendFailure(ctx: MockContext, requestId: string, error: unknown): void {
  ctx.log(
    JSON.stringify({
      level: 'error',
      request_id: requestId,
      error: error instanceof Error ? error.message : String(error),
    }),
  );
}
