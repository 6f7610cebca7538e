import { createPrivateKey, randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBroken, type AuditModel } from '../judgement';
import { configFromMaterial, loadOrInitDataDir, PROFILE_DEFAULTS, strangerRsaPair, type KeyMode } from '../mock';
import { callerOf } from './callerOf';
import { clientCaseOfRun } from './clientCases';
import { coverageOf } from './clientCoverage';
import { createClientSession } from './clientSession';
import { writeClientReports } from './clientReports';
import { runScenario, type RunResult } from './runScenario';
import { scenarioOrder } from './scenarioOrder';
import { selectScenarios } from './selectScenarios';
import type { StrangerKey } from './scenarioTap';

export interface AuditClientOptions {
  command: readonly string[];
  seed: number;
  /** Rule IDs; empty = every client rule. */
  only: readonly string[];
  /** Scenario names; empty = every scenario (or those of --only). */
  scenarios: readonly string[];
  keyMode: KeyMode;
  /** Per run of the command, ms. */
  timeoutMs: number;
  reportsDir: string;
  commandLine: string[];
  /** Runs of the command at once (each against a mock of its own). */
  concurrency: number;
  progress: (line: string) => void;
}

export interface AuditClientResult {
  runs: RunResult[];
  model: AuditModel;
  failed: boolean;
  /** A full run only: the client rules no scenario exercised (failed, or informational when excepted). */
  unexercised?: string[];
}

/** How long slow-answer holds the first answer: 10 s, at most a third of --timeout (room for the retry). */
export const slowHoldMs = (timeoutMs: number): number => Math.min(10_000, Math.floor(timeoutMs / 3));

function strangerKey(keyMode: KeyMode): StrangerKey {
  // Fresh for each audit; under the self-tests the key pool's stranger (generating blocks this thread,
  // and the self-tests run several audits in one process).
  const privateKey = createPrivateKey(strangerRsaPair().privateKeyPem);
  const serial =
    keyMode === 'public-key'
      ? `PUB_KEY_ID_${Array.from({ length: 32 }, () => randomInt(0, 10)).join('')}`
      : randomBytes(20).toString('hex').toUpperCase();
  return { serial, privateKey };
}

async function inPool<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, lane));
  return out;
}

/** `audit-client`: the command once per scenario, each against an embedded mock of its own; the client report. */
export async function auditClient(options: AuditClientOptions): Promise<AuditClientResult> {
  const startedAt = new Date().toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'payscore-audit-client-'));
  try {
    const material = loadOrInitDataDir(dir, options.keyMode);
    const config = configFromMaterial(material, options.keyMode);
    const platformKey = config.platformKeys[0];
    const platformSerial = platformKey?.serial ?? '';
    const session = createClientSession(
      callerOf(config, platformSerial, options.keyMode, PROFILE_DEFAULTS.riskFundCap),
    );
    const stranger = strangerKey(options.keyMode);
    const tap = {
      holdMs: slowHoldMs(options.timeoutMs),
      stranger,
      platform: platformKey === undefined ? stranger : { serial: platformSerial, privateKey: platformKey.privateKey },
    };
    const scenarios = selectScenarios(options.only, options.scenarios);
    const runId = randomBytes(3).toString('hex');
    const runs = await inPool(scenarios, options.concurrency, async (scenario, i) => {
      const constraints = {
        identities: config.identities,
        notifyUrl: PROFILE_DEFAULTS.notifyUrl,
        riskFundCap: PROFILE_DEFAULTS.riskFundCap,
        now: Date.now(),
        runId,
      };
      const order = scenarioOrder(scenario, constraints, options.seed + i, i + 1) as unknown as Record<string, unknown>;
      const run = await runScenario({
        scenario,
        order,
        runName: scenario.name,
        command: options.command,
        timeoutMs: options.timeoutMs,
        dir,
        material,
        keyMode: options.keyMode,
        session,
        tap,
      });
      const broken = run.findings.filter(isBroken).length;
      const requests = run.exchanges.flatMap((e) => e.findings).filter(isBroken).length;
      options.progress(
        `${broken + requests === 0 ? '✓' : '✗'} ${scenario.name} — ${run.exchanges.length} request(s), outcome ${String(run.line?.['outcome'] ?? 'none')} in ${run.command.ms} ms`,
      );
      return run;
    });
    const runCases = runs.map((run) => clientCaseOfRun(run, options));
    const only = new Set(options.only);
    const full = only.size === 0 && options.scenarios.length === 0;
    const coverage = full ? coverageOf(runCases) : undefined;
    const cases = [...runCases, ...(coverage?.cases ?? [])];
    const judged =
      only.size === 0 ? cases : cases.map((c) => ({ ...c, findings: c.findings.filter((f) => only.has(f.ruleId)) }));
    const model = writeClientReports(options.reportsDir, judged, {
      url: runs[0]?.baseUrl ?? 'http://127.0.0.1',
      target: `the command ${options.command.join(' ')}`,
      seed: options.seed,
      mchid: config.mchid,
      merchantSerialNo: config.merchant.serialNo,
      platformSerial,
      startedAt,
      commandLine: options.commandLine,
    });
    return {
      runs,
      model,
      failed: model.summary.failed > 0,
      ...(coverage === undefined ? {} : { unexercised: coverage.unexercised }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
