/** A listener that could not start: the OS error code and where, with a free port to offer. */
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
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

/** Whether `host:port` can be listened on now: null, or why not (the trial listener is closed again). */
export async function tryListen(host: string, port: number): Promise<ListenProblem | null> {
  const trial = createNetServer();
  try {
    await new Promise<void>((resolve, reject) => {
      trial.once('error', reject);
      trial.listen({ host, port, ipv6Only: false, exclusive: true }, () => resolve());
    });
  } catch (error) {
    return describeListenError(error as NodeJS.ErrnoException, host, port);
  }
  await new Promise<void>((resolve) => trial.close(() => resolve()));
  return null;
}
