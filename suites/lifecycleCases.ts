import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, loadProfile } from '../client';
import { createClock, EXPIRY_MS, startStandaloneMock } from '../mock';
import { MINUTE_MS } from '../specification';
import {
  constraintsOf,
  control,
  SAMPLE,
  faultsFromEnv,
  sampleValid,
  sampleValidFor,
  type JudgedExchange,
  type TargetHandle,
} from './harness';

/** IDEMP-TERMINAL: an order put into a terminal state through the mock's control interface, then replayed. */
export async function terminalReplays(target: TargetHandle): Promise<JudgedExchange[]> {
  const judged: JudgedExchange[] = [];
  for (const [i, state] of (['EXPIRED', 'REVOKED', 'DONE'] as const).entries()) {
    const body = sampleValid(target, SAMPLE.lifecycle.terminalReplays.at(i));
    await control(target, 'orders', { body, state });
    const exchange = await target.client.createOrder(body);
    judged.push({
      exchange,
      ctx: target.context({ kind: 'reject', ruleId: 'IDEMP-TERMINAL' }, body),
      caseName: `replay of a ${state} order`,
    });
  }
  return judged;
}

/**
 * EXPIRY: a confirm-mode order is still CREATED a minute before the hour (its create replays), and
 * an hour and a millisecond of the mock's clock later it is EXPIRED: both sides of the window.
 * Moving the shared mock's clock would break the times of tests running beside this one, so this
 * runs on a private instance of the bundled mock (same faults), with a clock of its own.
 */
export async function expiryReplay(target: TargetHandle): Promise<JudgedExchange[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'payscore-expiry-'));
  const clock = createClock();
  const mock = await startStandaloneMock({ dataDir, port: 0, clock, faults: faultsFromEnv() });
  const profile = loadProfile(mock.profilePath, {});
  const client = createClient(profile, { timeoutMs: target.options.timeoutMs });
  try {
    const body = sampleValidFor(constraintsOf(profile), target.options.seed + SAMPLE.lifecycle.expiry, {
      need_user_confirm: true,
    });
    const first = await client.createOrder(body);
    clock.advance(EXPIRY_MS - MINUTE_MS);
    const before = await client.createOrder(body);
    clock.advance(MINUTE_MS + 1);
    const replay = await client.createOrder(body);
    const ctx = (expectation: Parameters<TargetHandle['context']>[0]) => ({
      ...target.context(expectation, body, profile.mchid),
      targetKind: 'mock' as const,
    });
    return [
      { exchange: first, ctx: ctx({ kind: 'accept' }), caseName: 'confirm-mode create (CREATED)' },
      { exchange: before, ctx: ctx({ kind: 'accept', ruleId: 'EXPIRY' }), caseName: 'replay a minute before the hour' },
      { exchange: replay, ctx: ctx({ kind: 'reject', ruleId: 'EXPIRY' }), caseName: 'replay one hour and 1 ms later' },
    ];
  } finally {
    client.close();
    await mock.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
