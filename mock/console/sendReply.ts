import type { ServerResponse } from 'node:http';
import type { ConsoleReply } from './consoleRoutes';

/** A console page or JSON, as it is: not signed, never delayed (the console is not the API under test). */
export function sendReply(res: ServerResponse, reply: ConsoleReply): void {
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, {
    'Content-Type': reply.contentType,
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    ...reply.headers,
  });
  res.end(body);
}
