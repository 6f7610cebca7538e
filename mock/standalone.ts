import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { MockConfig } from './config';
import {
  buildProfile,
  configFromMaterial,
  DATA_FILES,
  loadOrInitDataDir,
  PROFILE_DEFAULTS,
  writeProfile,
  type KeyMode,
  type MockProfile,
} from './keys';
import { createMockServer, type MockServer } from './server';
import { sqliteOrderStore } from './store';

export type StandaloneOptions = Partial<
  Omit<MockConfig, 'mchid' | 'merchant' | 'platformKeys' | 'apiV3Key' | 'identities' | 'store'>
> & {
  dataDir: string;
  host?: string;
  /** 0 = a free port. */
  port?: number;
  keyMode?: KeyMode;
  synchronous?: 'NORMAL' | 'FULL';
};

export interface StandaloneMock {
  server: MockServer;
  url: string;
  profile: MockProfile;
  profilePath: string;
  stop(): Promise<void>;
}

const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/**
 * The mock on a data directory: keys made on first start and reused, orders in SQLite (WAL), and
 * profile.json rewritten with the address it listens on, so `run --profile <dir>/profile.json` works.
 */
export async function startStandaloneMock(options: StandaloneOptions): Promise<StandaloneMock> {
  const { dataDir, host = '127.0.0.1', port = 8080, keyMode = 'public-key', synchronous, ...rest } = options;
  const material = loadOrInitDataDir(dataDir, keyMode);
  const store = sqliteOrderStore({
    path: join(dataDir, DATA_FILES.database),
    ...(synchronous === undefined ? {} : { synchronous }),
  });
  const server = createMockServer({
    riskFundCap: PROFILE_DEFAULTS.riskFundCap,
    ...rest,
    ...configFromMaterial(material, keyMode),
    store,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
  const url = `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`;
  // Under readings the mock is not the reference: its DECISION rules are read otherwise.
  const profile = buildProfile(
    material,
    keyMode,
    url,
    server.mockConfig.riskFundCap,
    (server.mockConfig.readings ?? []).length === 0,
  );
  const profilePath = writeProfile(dataDir, profile);
  return { server, url, profile, profilePath, stop: () => server.stop() };
}
