import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { createServer, type Server as TlsServer } from 'node:tls';
import type { ServerIdentity } from './sandboxCa';

/** TLS in front of the mock: sockets it decrypts go to the mock's own HTTP server, as plain connections do. */
export interface TlsFront {
  /** Listens for --tls; the proxy also hands it the sockets of its tunnels (emit 'connection'). */
  server: TlsServer;
  /** Stops listening and ends every TLS connection. */
  close(): Promise<void>;
}

export function createTlsFront(mock: Server, identity: ServerIdentity): TlsFront {
  const open = new Set<Socket>();
  const server = createServer({ ...identity, ALPNProtocols: ['http/1.1'] }, (socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    mock.emit('connection', socket);
  });
  // A client that does not trust ca.pem ends the handshake itself: nothing to answer, nothing to crash.
  server.on('tlsClientError', (_error, socket) => socket.destroy());
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      for (const socket of open) socket.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  return { server, close };
}
