/**
 * Asserts an answer's status; a wrong one fails naming what answered instead: the code, the message (which
 * ends with the rule the mock judged broken) and the detail. Test support.
 */
export function expectStatus(answer: { status: number; json?: Record<string, unknown> | undefined }, status: number) {
  if (answer.status !== status) {
    const { code, message, detail } = answer.json ?? {};
    const said = [code, message, detail === undefined ? undefined : JSON.stringify(detail)].filter(Boolean);
    throw new Error(
      `expected status ${status}, the mock answered ${answer.status}: ${said.join(' — ') || '(no body)'}`,
    );
  }
  expect(answer.status).toBe(status);
}
