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
import { listening, openSandboxTls, type SandboxTls } from './tls';

export type StandaloneOptions = Partial<
  Omit<MockConfig, 'mchid' | 'merchant' | 'platformKeys' | 'apiV3Key' | 'identities' | 'store'>
> & {
  dataDir: string;
  host?: string;
  /** 0 = a free port. */
  port?: number;
  keyMode?: KeyMode;
  synchronous?: 'NORMAL' | 'FULL';
  /** Serve HTTPS under the sandbox CA of the data directory (ca.pem), and say so in the profile. */
  tls?: boolean;
  /** Also run the CONNECT proxy for WeChat Pay's host names on 127.0.0.1:proxyPort (0 = a free port). */
  proxyPort?: number;
};

export interface StandaloneMock {
  server: MockServer;
  url: string;
  profile: MockProfile;
  profilePath: string;
  /** ca.pem, when --tls or --proxy made or read the sandbox CA. */
  caPath?: string;
  /** http://127.0.0.1:PORT of the CONNECT proxy (--proxy). */
  proxyUrl?: string;
  stop(): Promise<void>;
}

const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/**
 * The mock on a data directory: keys made on first start and reused, orders in SQLite (WAL), and
 * profile.json rewritten with the address it listens on, so `run --profile <dir>/profile.json` works.
 */
export async function startStandaloneMock(options: StandaloneOptions): Promise<StandaloneMock> {
  const {
    dataDir,
    host = '127.0.0.1',
    port = 8080,
    keyMode = 'public-key',
    synchronous,
    tls,
    proxyPort,
    ...rest
  } = options;
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
  let sandbox: SandboxTls | undefined;
  let bound: number;
  try {
    if (tls === true || proxyPort !== undefined)
      sandbox = await openSandboxTls(server, dataDir, proxyPort, rest.logger);
    bound = await listening(tls === true && sandbox !== undefined ? sandbox.front.server : server, port, host);
  } catch (error) {
    await sandbox?.close();
    await server.stop();
    throw error;
  }
  const url = `${tls === true ? 'https' : 'http'}://${urlHost(host)}:${bound}`;
  // Under readings the mock is not the reference: its DECISION rules are read otherwise.
  const profile = buildProfile(
    material,
    keyMode,
    url,
    server.mockConfig.riskFundCap,
    (server.mockConfig.readings ?? []).length === 0,
  );
  if (tls === true) profile.tls = { caPath: DATA_FILES.ca };
  const profilePath = writeProfile(dataDir, profile);
  const stop = async (): Promise<void> => {
    await sandbox?.close();
    await server.stop();
  };
  return {
    server,
    url,
    profile,
    profilePath,
    ...(sandbox === undefined ? {} : { caPath: sandbox.caPath }),
    ...(sandbox?.proxyUrl === undefined ? {} : { proxyUrl: sandbox.proxyUrl }),
    stop,
  };
}
