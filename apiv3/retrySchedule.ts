/**
 * CALLBACK-RETRY (SIBLING): after a failed delivery WeChat retries after these many seconds
 * (acquiring-bank confirm-callback page); the receiver has 5 s to answer 2xx.
 */
export const RETRY_SCHEDULE_SECONDS = [15, 15, 30, 180, 1800, 1800, 1800, 1800, 3600] as const;
export const RECEIVER_TIMEOUT_MS = 5000;
