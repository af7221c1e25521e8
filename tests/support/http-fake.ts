/** What the fake HTTP engines share: a server on 127.0.0.1 port 0, its address, closing it, and a port nothing listens on. */
import { createServer as createHttp, type RequestListener, type Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';

export async function listenHttp(handler: RequestListener): Promise<Server> {
  const server = createHttp(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

export const httpUrl = (server: Server): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

export function closeHttp(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A port nothing listens on: taken, then given back. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}
