/**
 * The agent endpoint's address rules and the raw-socket answers the agent server gives before a
 * WebSocket exists. MMDAgent-EX connects over IPv4 only, and takes `wss` for port 443.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Reason } from '../../common/problems.js';

/** `localhost` is bound as IPv4: MMDAgent-EX never tries `::1`. */
export function bindHost(host: string): string {
  const h = host.trim();
  return h === '' || h.toLowerCase() === 'localhost' ? '127.0.0.1' : h;
}

export function normalizePath(path: string): string {
  const p = path.trim();
  return p.startsWith('/') ? p : `/${p}`;
}

export function endpointUrl(host: string, port: number, path: string): string {
  const h = host.includes(':') ? `[${host}]` : host;
  return `${port === 443 ? 'wss' : 'ws'}://${h}:${port}${normalizePath(path)}`;
}

/** An HTTP answer on the raw socket, for an upgrade that is refused (404, 403, 429). */
export function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** A frame's payload as one Buffer, however ws handed it over. */
export function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? Buffer.from(data) : data;
}

/**
 * The HTTP server under the agent endpoint: a plain request gets 426, an upgrade goes to
 * `upgrade`, and a socket that never finishes its request is dropped after `handshakeMs`. A request
 * Node cannot parse (a raw UTF-8 path, say) is reported through `rejected`, not dropped in silence.
 */
export function upgradeServer(
  handshakeMs: number,
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void,
  rejected: (why: Reason, remote: string) => void,
): Server {
  const server = createServer(
    {
      headersTimeout: handshakeMs,
      requestTimeout: handshakeMs,
      connectionsCheckingInterval: Math.min(1000, handshakeMs),
    },
    (_req, res) => {
      res.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Upgrade: 'websocket' });
      res.end('Remote Panel for MMDAgent-EX: this endpoint speaks WebSocket (Plugin_Remote).\n');
    },
  );
  server.on('upgrade', upgrade);
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'HPE_HEADER_OVERFLOW' && err.code !== 'ERR_HTTP_REQUEST_TIMEOUT')
      rejected(
        { reason: 'badRequest', detail: String(err.code ?? err.message).slice(0, 80) },
        `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? 0}`,
      );
    socket.destroy();
  });
  return server;
}
