import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMockWithFreshKeys, type KeyMaterial, type KeyMode } from '../mock';

import type { ClientSession } from './clientSession';
import { judgeRun, type RunSeen, type WireSeen } from './judgeRun';
import { outcomeLine, runDriver } from './runDriver';
import { scenarioTap, type TapOptions } from './scenarioTap';
import type { Scenario } from './scenarios';

const ENDPOINT_PATH = '/v3/payscore/acquiringbank/serviceorder';

/** The public driver contract: the environment names the command reads. */
export const DRIVER_ENV = {
  profile: 'PAYSCORE_PROFILE',
  baseUrl: 'PAYSCORE_BASE_URL',
  order: 'PAYSCORE_ORDER',
} as const;

export interface RunInput {
  scenario: Scenario;
  order: Record<string, unknown>;
  /** A name for this run's files (profile, order) in `dir`. */
  runName: string;
  command: readonly string[];
  timeoutMs: number;
  /** The folder holding the key files the profiles name (relative paths). */
  dir: string;
  material: KeyMaterial;
  keyMode: KeyMode;
  session: ClientSession;
  tap: TapOptions;
}

export interface RunResult extends RunSeen {
  runName: string;
  baseUrl: string;
  findings: ReturnType<typeof judgeRun>;
}

/** One run: a mock of its own acting the scenario, the command once against it, and the judgement. */
export async function runScenario(input: RunInput): Promise<RunResult> {
  const { scenario } = input;
  const { tap, exchanges } = scenarioTap(scenario, input.session, input.tap);
  const mock = createMockWithFreshKeys({
    material: input.material,
    keyMode: input.keyMode,
    faults: scenario.faults ?? [],
    readings: scenario.readings ?? [],
    tap,
  });
  // What reached the mock outside the endpoint: tells a caller that never sent from one that sent elsewhere,
  // and from one whose requests never completed (it gave up first, on a loaded machine).
  const wire: WireSeen = { connections: 0, otherRequests: [] };
  mock.server.on('connection', () => (wire.connections += 1));
  mock.server.on('request', (req: { method?: string; url?: string }) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== ENDPOINT_PATH && !path?.startsWith('/__control'))
      wire.otherRequests.push(`${req.method ?? ''} ${req.url ?? ''}`);
  });
  const baseUrl = await mock.listen(0);
  try {
    const profilePath = join(input.dir, `profile-${input.runName}.json`);
    const orderPath = join(input.dir, `order-${input.runName}.json`);
    writeFileSync(profilePath, `${JSON.stringify(mock.profile, null, 2)}\n`);
    writeFileSync(orderPath, `${JSON.stringify(input.order, null, 2)}\n`);
    const command = await runDriver(
      input.command,
      {
        ...process.env,
        [DRIVER_ENV.profile]: profilePath,
        [DRIVER_ENV.baseUrl]: baseUrl,
        [DRIVER_ENV.order]: orderPath,
      },
      input.timeoutMs,
    );
    const seen: RunSeen = {
      scenario,
      order: input.order,
      exchanges,
      wire,
      command,
      line: outcomeLine(command.stdout),
      timeoutMs: input.timeoutMs,
    };
    return { ...seen, runName: input.runName, baseUrl, findings: judgeRun(seen) };
  } finally {
    mock.server.closeAllConnections();
    await mock.server.stop();
  }
}
