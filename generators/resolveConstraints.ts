import { limits, type Limits } from '../specification';
import type { RequestConstraints } from './requestConstraints';

/** Constraints with defaults filled in and the spec's limits attached, resolved once per generator. */
export interface ResolvedConstraints extends Required<RequestConstraints> {
  limits: Limits;
}

/** The one place defaults are resolved; impossible constraints are our own error, thrown early. */
export function resolveConstraints(constraints: RequestConstraints): ResolvedConstraints {
  const { riskFundCap, now } = constraints;
  const l = limits();
  if (!Number.isSafeInteger(riskFundCap) || riskFundCap < l.riskAmountMin) {
    throw new RangeError(`riskFundCap must be an integer >= ${l.riskAmountMin}, got ${riskFundCap}`);
  }
  if (!Number.isFinite(now)) throw new RangeError(`now must be a finite ms timestamp, got ${now}`);
  if (constraints.notifyUrl.length === 0) throw new RangeError('notifyUrl must not be empty');
  return { ...constraints, runId: constraints.runId ?? '', limits: l };
}
