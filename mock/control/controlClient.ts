import { CONTROL_PREFIX } from './controlRoutes';

/** The control interface's root URL for a mock's base URL. */
export function controlUrlOf(baseUrl: string): string {
  return new URL(CONTROL_PREFIX, baseUrl).href;
}

/**
 * A client of the control interface (suites, contracts): POST <operation> as JSON; the answer as
 * parsed JSON, or a thrown error naming the refusal.
 */
export function controlClient(controlUrl: string): (operation: string, payload: unknown) => Promise<unknown> {
  return async (operation, payload) => {
    const response = await fetch(new URL(operation, controlUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(payload),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`control ${operation} answered ${response.status}: ${text}`);
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  };
}
