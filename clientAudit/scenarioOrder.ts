import fc from 'fast-check';
import { validRequest, withUniqueOutOrderNo, type RequestConstraints } from '../generators';
import type { CreateOrderRequest } from '../specification';
import type { Scenario } from './scenarios';

/** Seeds tried for an order of the scenario's mode before giving up (about half the samples are no-confirm). */
const MODE_TRIES = 64;

/**
 * A fresh order body for one run, from the generators: valid in every reading (the generators keep to what
 * every source allows, docs/auditors.md "Valid means valid in every reading"), with an out_order_no of its own.
 */
export function scenarioOrder(
  scenario: Scenario,
  constraints: RequestConstraints,
  seed: number,
  counter: number,
): CreateOrderRequest {
  for (let i = 0; i < MODE_TRIES; i += 1) {
    const [sample] = fc.sample(validRequest(constraints), { seed: seed + i * 7919, numRuns: 1 });
    if (sample === undefined) break;
    if (scenario.order === 'no-confirm' && sample.need_user_confirm === true) continue;
    return withUniqueOutOrderNo(sample, counter, constraints.runId ?? '');
  }
  throw new Error(`the generators gave no order for scenario ${scenario.name} in ${MODE_TRIES} tries`);
}
