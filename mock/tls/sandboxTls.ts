import type { Server } from 'node:http';
import { listening } from './listening';
import { issueServerIdentity, loadOrCreateSandboxCa } from './sandboxCa';
import { createSandboxProxy } from './sandboxProxy';
import { createTlsFront, type TlsFront } from './tlsFront';

/** The mock's TLS side: the sandbox CA, the TLS front, and the CONNECT proxy when one is asked for. */
export interface SandboxTls {
  /** ca.pem in the data directory. */
  caPath: string;
  front: TlsFront;
  /** http://127.0.0.1:PORT of the proxy (--proxy). */
  proxyUrl?: string;
  close(): Promise<void>;
}

/** The proxy listens on loopback only: it is the way into the sandbox from this machine, for no one else. */
export const PROXY_HOST = '127.0.0.1';

export async function openSandboxTls(
  mock: Server,
  dataDir: string,
  proxyPort?: number,
  log?: (line: string) => void,
): Promise<SandboxTls> {
  const ca = await loadOrCreateSandboxCa(dataDir);
  const front = createTlsFront(mock, await issueServerIdentity(ca));
  if (proxyPort === undefined) return { caPath: ca.path, front, close: front.close };
  const proxy = createSandboxProxy(front, log);
  const port = await listening(proxy, proxyPort, PROXY_HOST);
  const close = async (): Promise<void> => {
    await new Promise<void>((resolve) => {
      proxy.close(() => resolve());
      proxy.closeAllConnections();
    });
    await front.close();
  };
  return { caPath: ca.path, front, proxyUrl: `http://${PROXY_HOST}:${port}`, close };
}
