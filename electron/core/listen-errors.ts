/** A listener that could not start: the OS error code and where, with a free port to offer. */
import { createServer } from 'node:http';
import type { ListenProblem } from '../../common/problems.js';

export async function describeListenError(
  error: NodeJS.ErrnoException,
  host: string,
  port: number,
): Promise<ListenProblem> {
  const code = error.code ?? 'ERROR';
  if (code === 'EADDRINUSE') {
    const suggestedPort = await findFreePort(host, port + 1);
    return { code, host, port, ...(suggestedPort ? { suggestedPort } : {}) };
  }
  if (code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return { code, host, port };
  return { code, host, port, detail: error.message };
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
