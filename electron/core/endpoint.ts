/**
 * The agent endpoint's address rules and the raw-socket answers the agent server gives before a
 * WebSocket exists. MMDAgent-EX connects over IPv4 only, and takes `wss` for port 443.
 */
import type { Duplex } from 'node:stream';

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
