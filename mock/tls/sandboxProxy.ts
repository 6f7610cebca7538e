// `mock --proxy`: an HTTP CONNECT proxy that answers for WeChat Pay's API hosts with the mock (TLS
// terminated with the sandbox CA) and refuses everything else. It never opens a connection and never
// resolves a name: nothing a client sends through it can leave this machine.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { TlsFront } from './tlsFront';
import { WECHAT_API_HOSTS } from './sandboxCa';

const HTTPS_PORT = '443';
const ANSWERED = WECHAT_API_HOSTS.map((h) => `${h}:${HTTPS_PORT}`).join(' and ');

/** host:port of a CONNECT request, lower case, without a root dot or IPv6 brackets. */
export function tunnelTarget(authority: string): { host: string; port: string } {
  const match = /^\[?([^\]]*?)\]?(?::(\d*))?$/.exec(authority.trim()) ?? [];
  return { host: (match[1] ?? '').toLowerCase().replace(/\.$/, ''), port: match[2] ?? '' };
}

/** Whether the sandbox answers a tunnel to this target. */
export function answersFor(authority: string): boolean {
  const { host, port } = tunnelTarget(authority);
  return port === HTTPS_PORT && (WECHAT_API_HOSTS as readonly string[]).includes(host);
}

/** The refusal body: JSON, saying what was refused and why, and that nothing was forwarded. */
export function refusal(what: string, why: string): string {
  return `${JSON.stringify({
    code: 'SANDBOX_PROXY_REFUSED',
    message: `payscore-conformance sandbox proxy refused ${what}: ${why}. It answers only ${ANSWERED} (with the mock) and forwards nothing: no request leaves this machine.`,
  })}\n`;
}

/** One JSON line per refusal, as the mock logs requests: a client being refused sees why in the mock's log too. */
function refusedLine(method: string, target: string, why: string): string {
  const { host, port } = target.startsWith('http://') ? urlTarget(target) : tunnelTarget(target);
  return JSON.stringify({ level: 'warn', proxy: 'refused', method, host, port, why });
}

function urlTarget(url: string): { host: string; port: string } {
  try {
    const parsed = new URL(url);
    return { host: parsed.hostname, port: parsed.port || '80' };
  } catch {
    return { host: url, port: '' };
  }
}

function refuseTunnel(socket: Duplex, body: string): void {
  socket.end(
    `HTTP/1.1 403 Forbidden\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

// Plain HTTP is refused even for WeChat's hosts: APIv3 is HTTPS only, so a client that passes here over
// http:// would fail against WeChat Pay; the answer tells it to use https:// (a CONNECT tunnel).
function refuseRequest(req: IncomingMessage, res: ServerResponse, log: (line: string) => void): void {
  const why =
    req.url?.startsWith('http://') === true
      ? 'WeChat Pay APIv3 is HTTPS only; send https:// URLs (the client then opens a CONNECT tunnel)'
      : 'this is a proxy, not the mock; send https://api.mch.weixin.qq.com/… through it';
  const body = refusal(`${req.method ?? '?'} ${req.url ?? ''}`, why);
  log(refusedLine(req.method ?? '?', req.url ?? '', why));
  res.writeHead(403, { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' }).end(body);
}

/** The proxy server (not listening): tunnels to WeChat's API hosts on 443 end in `front`. */
export function createSandboxProxy(front: TlsFront, log: (line: string) => void = () => undefined): Server {
  const proxy = createServer((req, res) => refuseRequest(req, res, log));
  proxy.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const authority = req.url ?? '';
    if (!answersFor(authority)) {
      const { port } = tunnelTarget(authority);
      const why = port === HTTPS_PORT ? 'not a WeChat Pay API host' : `port ${port || '(none)'} is not 443`;
      log(refusedLine('CONNECT', authority, why));
      refuseTunnel(socket, refusal(`CONNECT ${authority}`, why));
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    front.server.emit('connection', socket);
  });
  proxy.on('clientError', (_error, socket: Duplex) => socket.destroy());
  return proxy;
}
