import type { ClientCase } from './clientReports';
import { clientRules } from './clientReports';

/** The openapi.yaml key beside a client rule that a correct caller may leave unexercised, with why. */
export const UNEXERCISED_KEY = 'x-may-be-unexercised';

/** Why a correct caller may leave this rule unexercised (openapi.yaml), or undefined when it may not. */
export function mayBeUnexercised(ruleId: string): string | undefined {
  const found = clientRules().find((r) => r.id === ruleId) as unknown as Record<string, unknown> | undefined;
  const why = found?.[UNEXERCISED_KEY];
  return typeof why === 'string' ? why : undefined;
}

export interface Coverage {
  /** Client rules no run exercised. */
  unexercised: string[];
  /** The cases that put coverage in the verdict: failed, or informational for a written exception. */
  cases: ClientCase[];
}

/**
 * Coverage is part of a full run's verdict (issue 26): a client rule no scenario exercised is a failure,
 * unless openapi.yaml says a correct caller may leave it so (then it is informational, with the reason).
 */
export function coverageOf(cases: readonly ClientCase[]): Coverage {
  const seen = new Set(cases.flatMap((c) => c.findings.map((f) => f.ruleId)));
  const unexercised = clientRules()
    .map((r) => r.id)
    .filter((id) => !seen.has(id));
  return {
    unexercised,
    cases: unexercised.map((ruleId) => {
      const why = mayBeUnexercised(ruleId);
      return {
        title: `coverage: ${ruleId} was never exercised in a full run`,
        ruleId,
        findings: [
          {
            ruleId,
            where: 'the whole audit (every scenario)',
            seen:
              why === undefined
                ? 'no scenario exercised this rule: the caller never did what it judges, so nothing shows it conforms'
                : `not exercised, a written exception (openapi.yaml ${UNEXERCISED_KEY}): ${why}`,
            ...(why === undefined ? {} : { inconclusive: true as const }),
          },
        ],
        context: ['replay: the full run, without --only or --scenario'],
        latencyMs: 0,
      };
    }),
  };
}
