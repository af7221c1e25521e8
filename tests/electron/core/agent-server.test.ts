/** The agent server alone (no Panel) against real sockets on port 0 and the faithful fake MMDAgent-EX. */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AgentInfo } from '../../../common/agents.js';
import type { Reason } from '../../../common/problems.js';
import type { ServerSettings } from '../../../common/settings.js';
import { AgentServer, type AgentServerOptions } from '../../../electron/core/agent-server.js';
import { FakeAgent } from '../../support/fake-agent.js';
import { waitUntil } from '../../support/wait.js';

const SETTINGS: ServerSettings = { wsHost: '127.0.0.1', wsPort: 0, wsPath: '/chat', allowedOrigins: [] };
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** A server whose handlers record everything they are told. */
async function serve(settings: Partial<ServerSettings> = {}, options: AgentServerOptions = {}) {
  const seen = {
    opened: [] as AgentInfo[],
    lines: [] as string[],
    binary: [] as [number, string][],
    closed: [] as Reason[],
    responsive: [] as boolean[],
    rejected: [] as Reason[],
  };
  const server = new AgentServer(options);
  server.attach({
    onOpen: (s) => seen.opened.push(s),
    onLine: (_s, line) => seen.lines.push(line),
    onBinary: (_s, length, preview) => seen.binary.push([length, preview]),
    onClose: (_s, why) => seen.closed.push(why),
    onResponsive: (_s, ok) => seen.responsive.push(ok),
    onRejected: (why) => seen.rejected.push(why),
  });
  const status = await server.start({ ...SETTINGS, ...settings });
  cleanup.push(() => server.stop());
  return { server, status, seen };
}

async function agent(url: string, options: Parameters<typeof FakeAgent.connect>[1] = {}): Promise<FakeAgent> {
  const a = await FakeAgent.connect(url, options);
  cleanup.push(() => a.quit());
  return a;
}

describe('agent server', () => {
  it('binds IPv4 127.0.0.1 even when told localhost, and MMDAgent-EX reaches it as localhost', async () => {
    const { server, status, seen } = await serve({ wsHost: 'localhost' });
    expect(status).toMatchObject({ state: 'listening', host: '127.0.0.1', path: '/chat' });
    expect(status.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/chat$/);
    await agent(status.url.replace('127.0.0.1', 'localhost'));
    await waitUntil(() => seen.opened.length === 1);
    expect(seen.opened[0]).toMatchObject({
      remoteAddress: '127.0.0.1',
      path: '/chat',
      isMMDAgent: true,
      responsive: true,
    });
    expect(server.count()).toBe(1);
  });

  it('refuses upgrades on other paths with 404 and says why', async () => {
    const { server, status, seen } = await serve();
    await expect(FakeAgent.connect(status.url.replace('/chat', '/other'))).rejects.toThrow(/404/);
    expect(seen.rejected).toEqual([{ reason: 'wrongPath', path: '/other', expected: '/chat' }]);
    expect(server.count()).toBe(0);
  });

  it('names an agent by the segment below its path, a secret path too, and refuses deeper paths', async () => {
    const secret = '/chat/Zx8kQ2mN4pR7tV1wY3bC5d';
    const { status, seen } = await serve({ wsPath: secret });
    await agent(`${status.url}/left`);
    await agent(`${status.url}/%E5%8F%B3`);
    await agent(status.url);
    await waitUntil(() => seen.opened.length === 3);
    expect(seen.opened.map((a) => [a.path, a.name])).toEqual([
      [`${secret}/left`, 'left'],
      [`${secret}/%E5%8F%B3`, '右'],
      [secret, undefined],
    ]);
    await expect(FakeAgent.connect(`${status.url}/a/b`)).rejects.toThrow(/404/);
    await expect(FakeAgent.connect(status.url.replace(secret, '/chat/left'))).rejects.toThrow(/404/);
    expect(seen.rejected.map((r) => r.reason)).toEqual(['wrongPath', 'wrongPath']);
  });

  it('says why it dropped an upgrade request it could not read (a raw UTF-8 path), and stays up', async () => {
    const { server, status, seen } = await serve();
    const { Socket } = await import('node:net');
    const raw = new Socket();
    await new Promise<void>((r) => raw.connect(status.port, '127.0.0.1', () => r()));
    raw.write(
      Buffer.concat([
        Buffer.from('GET /chat/'),
        Buffer.from('左', 'utf8'),
        Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
      ]),
    );
    await waitUntil(() => seen.rejected.length === 1, 3000, 'the rejection');
    expect(seen.rejected[0]).toMatchObject({ reason: 'badRequest' });
    raw.destroy();
    await agent(status.url);
    await waitUntil(() => server.count() === 1);
  });

  it('tries an address before a move: a port in use is reported, its own port and port 0 are free', async () => {
    const { server, status } = await serve();
    const other = createServer();
    await new Promise<void>((r) => other.listen({ host: '127.0.0.1', port: 0 }, r));
    cleanup.push(() => new Promise((r) => other.close(r)));
    const taken = (other.address() as { port: number }).port;
    expect(await server.probe({ ...SETTINGS, wsPort: taken })).toMatchObject({
      code: 'EADDRINUSE',
      host: '127.0.0.1',
      port: taken,
    });
    expect(await server.probe({ ...SETTINGS, wsPort: status.port })).toBeNull();
    expect(await server.probe({ ...SETTINGS, wsPort: 0 })).toBeNull();
    expect(await server.probe({ ...SETTINGS, wsHost: '0.0.0.0', wsPort: status.port })).toBeNull();
    expect(server.currentStatus).toMatchObject({ state: 'listening', port: status.port });
  });

  it('tells an MMDAgent-EX from other clients by X-App-Type', async () => {
    const { status, seen } = await serve();
    const plain = new WebSocket(status.url);
    cleanup.push(() => plain.terminate());
    await new Promise((r) => plain.once('open', r));
    await waitUntil(() => seen.opened.length === 1);
    expect(seen.opened[0]!.isMMDAgent).toBe(false);
  });

  it('hands over lines in order, one per line, however frames cut them, and counts them', async () => {
    const { server, status, seen } = await serve();
    const raw = new WebSocket(status.url, { headers: { 'X-App-Type': 'MMDAgent' } });
    cleanup.push(() => raw.terminate());
    await new Promise((r) => raw.once('open', r));
    raw.send('A|1\nB|');
    raw.send('2\nC|3\n');
    await waitUntil(() => seen.lines.length === 3);
    expect(seen.lines).toEqual(['A|1', 'B|2', 'C|3']);
    expect(server.list()[0]!.messagesIn).toBe(3);
  });

  it('keeps the connection through invalid UTF-8 and reports binary frames as binary', async () => {
    const { status, seen } = await serve();
    const raw = new WebSocket(status.url, { headers: { 'X-App-Type': 'MMDAgent' } });
    cleanup.push(() => raw.terminate());
    await new Promise((r) => raw.once('open', r));
    raw.send(Buffer.from([0x41, 0xff, 0x0a]), { binary: false });
    raw.send(Buffer.from([1, 2, 3]), { binary: true });
    await waitUntil(() => seen.lines.length === 1 && seen.binary.length === 1);
    expect(seen.lines).toEqual(['A\\xFF']);
    expect(seen.binary).toEqual([[3, '01 02 03']]);
    expect(raw.readyState).toBe(WebSocket.OPEN);
  });

  it('reports an agent that misses pongs, and never closes it', async () => {
    const { server, status, seen } = await serve({}, { heartbeatMs: 30, missedPongs: 2 });
    const a = await agent(status.url, { answerPings: false });
    await waitUntil(() => seen.responsive.includes(false), 3000, 'unresponsive report');
    const pings = a.pings;
    await a.waitFor(() => a.pings >= pings + 5, 3000, 'five more unanswered pings');
    expect(a.exitCode).toBeNull();
    expect(seen.closed).toEqual([]);
    expect(server.list()[0]!.responsive).toBe(false);
  });

  it('turns a port in use into a status with the OS code and a free port nearby', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    cleanup.push(() => void blocker.close());
    const port = (blocker.address() as { port: number }).port;
    const { status } = await serve({ wsPort: port });
    expect(status).toMatchObject({ state: 'error', error: { code: 'EADDRINUSE', host: '127.0.0.1', port } });
    expect(status.error!.suggestedPort).toBeGreaterThan(port);
  });

  it('answers one session too many with 429', async () => {
    const { status, seen } = await serve({}, { maxAgents: 2 });
    await agent(status.url);
    await agent(status.url);
    await expect(FakeAgent.connect(status.url)).rejects.toThrow(/429/);
    expect(seen.rejected).toEqual([{ reason: 'tooMany', max: 2 }]);
  });

  it('sends only to an open session, and closes one only when told, with an empty close frame', async () => {
    const { server, status, seen } = await serve();
    const a = await agent(status.url, { frameMs: 30 });
    await waitUntil(() => seen.opened.length === 1);
    const id = seen.opened[0]!.agentId;
    expect(server.send(999, 'A|1\n')).toBe(false);
    expect(server.send(id, 'A|1\n')).toBe(true);
    await a.waitFor(() => a.received.length === 1);
    expect(server.closeAgent(id, { reason: 'operator' })).toBe(true);
    await a.waitFor(() => a.exitCode !== null, 3000, 'the agent gone');
    expect(a.dropReason).toBe('closed by the server');
    expect(seen.closed).toEqual([{ reason: 'operator' }]);
    expect(server.send(id, 'A|2\n')).toBe(false);
  });
});
