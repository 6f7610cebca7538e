/**
 * Resolves on SIGINT, SIGTERM, the abort of `signal` (tests) or, for a worker process, the primary
 * going away (`disconnect`), whichever comes first; a server command then stops cleanly.
 */
export function untilStopped(signal: AbortSignal | undefined, options: { onDisconnect?: boolean } = {}): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.off('disconnect', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (options.onDisconnect === true) process.once('disconnect', stop);
    if (signal?.aborted === true) stop();
    signal?.addEventListener('abort', stop, { once: true });
  });
}
