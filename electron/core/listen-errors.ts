/** A listener that could not start, explained for the operator, with a free port to offer. */
import { createServer } from 'node:http';
import type { ServerStatus } from '../../common/contract.js';

export async function describeListenError(error: NodeJS.ErrnoException, host: string, port: number): Promise<NonNullable<ServerStatus['error']>> {
  const code = error.code ?? 'ERROR';
  if (code === 'EADDRINUSE') {
    const suggestedPort = await findFreePort(host, port + 1);
    return {
      code,
      message: `Port ${port} on ${host} is already in use by another program. Choose another port (and change Plugin_Remote_Websocket_Port in the .mdf to match).`,
      ...(suggestedPort ? { suggestedPort } : {}),
    };
  }
  if (code === 'EACCES') return { code, message: `Not allowed to listen on port ${port}. Ports below 1024 need administrator rights; choose a port above 1024.` };
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return { code, message: `${host} is not an address of this computer. Use 127.0.0.1 unless MMDAgent-EX runs on another machine.` };
  return { code, message: `Could not listen on ${host}:${port}: ${error.message}` };
}

/** The first port from `from` that can be bound on `host`, trying a few. */
export async function findFreePort(host: string, from: number, tries = 20): Promise<number | undefined> {
  for (let port = from; port < from + tries && port <= 65535; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen({ host, port }, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  return undefined;
}
