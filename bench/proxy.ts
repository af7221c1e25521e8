/**
 * Proxy-mode benchmark. Each number is measured twice in the same run: with the agent
 * connected straight to the dialogue server, and through the panel (`--upstream`), so
 * the difference is what the proxy adds.
 */
import { createServer } from 'node:http';
import { chromium } from 'playwright';
import WebSocket, { WebSocketServer } from 'ws';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeLogWire } from '../common/log-wire.js';
import { readJsonl } from '../electron/core/log-writer.js';
import { Panel } from '../electron/core/panel.js';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.js';
import { listener } from './audio-pacing.js';
import { Agent } from './agent.js';
import { pythonBurst } from './log-relay.js';
import { pythonUpstream, sinkUpstream, type BurstUpstream } from './upstream-peers.js';
import { watchRowPainted } from './row-painted.js';
import { fmt, percentile, table } from './stats.js';
import { startWebProcess } from './web-process.js';

const wallMs = (): number => performance.timeOrigin + performance.now();

/** A dialogue server on this (otherwise idle) thread that stamps what arrives and can stream audio. */
class BenchServer {
  readonly latencies: number[] = [];
  private readonly sockets = new Set<WebSocket>();
  private http = createServer();
  port = 0;

  async start(): Promise<void> {
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    this.http.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws)));
    await new Promise<void>((r) => this.http.listen(0, '127.0.0.1', r));
    this.port = (this.http.address() as { port: number }).port;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/chat`;
  }

  async connected(): Promise<void> {
    while (this.sockets.size === 0) await new Promise((r) => setTimeout(r, 10));
  }

  /** 40 ms SND packets for `seconds`, each sent on a drift-free schedule; returns their send times. */
  async streamAudio(seconds: number): Promise<number[]> {
    const ws = [...this.sockets][0]!;
    const sent: number[] = [];
    const packet = Buffer.concat([Buffer.from('SND1280'), Buffer.alloc(1280, 1)]);
    ws.send('SNDFILE\n');
    const start = performance.now();
    for (let i = 0; i < seconds * 25; i++) {
      const due = start + i * 40;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      sent.push(wallMs());
      ws.send(packet, { binary: true });
    }
    ws.send('SNDBRKS\n');
    return sent;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.http.closeAllConnections();
    await new Promise((r) => this.http.close(r));
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data: Buffer) => {
      const now = wallMs();
      const text = data.toString('latin1');
      if (text.startsWith('LAT|')) this.latencies.push(now - Number(text.slice(text.lastIndexOf('|') + 1)));
    });
  }
}

/** p99 of each packet's transit time away from the median transit: the jitter the path adds. */
function transitJitter(sent: number[], arrived: number[]): number {
  const transit = arrived.map((a, i) => a - sent[i]!);
  const median = percentile(transit, 50);
  return percentile(
    transit.map((d) => Math.abs(d - median)),
    99,
  );
}

interface PathResult {
  latP50: number;
  latP99: number;
  jitterP99: number;
  packets: number;
}

async function measurePath(proxied: boolean): Promise<PathResult> {
  const server = new BenchServer();
  await server.start();
  const web = proxied ? await startWebProcess(['--upstream', server.url]) : null;
  const agentUrl = web ? web.agentUrl : server.url;

  const agent = await Agent.connect(agentUrl);
  await server.connected();
  await new Promise((r) => setTimeout(r, 300));
  await agent.run({ cmd: 'rate', prefix: 'LAT', perSecond: 1000, seconds: 5 });
  await new Promise((r) => setTimeout(r, 300));
  await agent.close();
  await new Promise((r) => setTimeout(r, 300));

  const w = await listener(agentUrl);
  await server.connected();
  await new Promise((r) => setTimeout(r, 300));
  const arrivals = new Promise<{ w: number }[]>((resolve) =>
    w.on('message', (m: { brks?: boolean; arrivals?: { w: number }[] }) => m.brks && resolve(m.arrivals!)),
  );
  const sent = await server.streamAudio(10);
  const got = await arrivals;
  w.postMessage({ cmd: 'close' });
  await w.terminate();
  await web?.stop();
  await server.stop();
  return {
    latP50: percentile(server.latencies, 50),
    latP99: percentile(server.latencies, 99),
    jitterP99: transitJitter(
      sent,
      got.map((a) => a.w),
    ),
    packets: got.length,
  };
}

/** A dialogue server to burst into: the documentation's Python sample (it prints every line), or a Node sink that only counts. */
async function proxiedBurst(
  count: number,
  upstream: BurstUpstream,
): Promise<{ panelMs: number; serverMs: number | null; onDisk: number }> {
  const web = await startWebProcess(['--upstream', upstream.url]);
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(web.uiUrl);
  await page.waitForFunction(() => document.querySelector('[role=log]') !== null);
  const painted = await watchRowPainted(page, `BURST|${count - 1}`);
  const agent = await Agent.connect(web.agentUrl);
  await page.getByRole('status', { name: 'Upstream' }).filter({ hasText: /^up/ }).waitFor();
  const { start } = await agent.run({ cmd: 'burst', prefix: 'BURST', count });
  const panelMs = (await painted()) - start!;
  const t0 = Date.now();
  while (!upstream.endedAt() && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 600));
  const onDisk = readJsonl<{ text?: string; dir?: string }>(web.logFile()).records.filter(
    (r) => r.dir === 'in' && r.text?.startsWith('BURST|'),
  ).length;
  await agent.close();
  await browser.close();
  await web.stop();
  await upstream.stop();
  return { panelMs, serverMs: upstream.endedAt() ? upstream.endedAt() - start! : null, onDisk };
}

/** The core alone, one process, no page: 50,000 frames logged, with and without forwarding. */
async function coreCost(proxied: boolean, count = 50_000): Promise<{ loggedMs: number; cpuMs: number }> {
  const sink = new BenchServer();
  await sink.start();
  const panel = new Panel({
    dataDir: mkdtempSync(join(tmpdir(), 'rp-proxy-core-')),
    host: 'web',
    overrides: { wsPort: 0, ...(proxied ? { upstreamUrl: sink.url, upstreamEnabled: true } : {}) },
  });
  let logged = 0;
  panel.on('log:batch', (b) => (logged += decodeLogWire(b).entries.filter((e) => e.type === 'BURST').length));
  await panel.start();
  const ws = new WebSocket(panel.server.currentStatus.url, {
    headers: { 'X-App-Type': 'MMDAgent' },
    perMessageDeflate: false,
    family: 4,
  });
  await new Promise((r) => ws.once('open', r));
  if (proxied) await sink.connected();
  await new Promise((r) => setTimeout(r, 300));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < count; i++) ws.send(`BURST|${i}\n`);
  while (logged < count) await new Promise((r) => setImmediate(r));
  const loggedMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  ws.terminate();
  await panel.shutdown();
  await sink.stop();
  return { loggedMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export async function benchProxy(): Promise<void> {
  console.log('\nProxy mode (agent thread ⇄ panel process ⇄ dialogue server), direct vs through the panel');
  const direct = await measurePath(false);
  const proxied = await measurePath(true);
  const burst = 50_000;
  /* The foundation's baseline in the same run: the Python sample with the agent connected straight to it. */
  const directPython = await pythonBurst(burst);
  const plainCore = [await coreCost(false), await coreCost(false)];
  const proxiedCore = [await coreCost(true), await coreCost(true)];
  const best = (runs: { loggedMs: number; cpuMs: number }[]) =>
    runs.reduce((a, b) => (b.loggedMs < a.loggedMs ? b : a));
  const sink = await proxiedBurst(burst, await sinkUpstream(burst));
  const b = await proxiedBurst(burst, await pythonUpstream(burst));
  console.log(
    table([
      [
        'Agent → server latency at 1,000 msg/s, p50',
        `${fmt(direct.latP50, 2)} → ${fmt(proxied.latP50, 2)} ms`,
        'direct → through the panel',
      ],
      [
        'Agent → server latency at 1,000 msg/s, p99',
        `${fmt(direct.latP99, 2)} → ${fmt(proxied.latP99, 2)} ms`,
        `added ${fmt(proxied.latP99 - direct.latP99, 2)} ms; target ≤ 2 ms`,
      ],
      [
        'Audio from the server: transit jitter p99',
        `${fmt(direct.jitterP99, 2)} → ${fmt(proxied.jitterP99, 2)} ms`,
        `added ${fmt(proxied.jitterP99 - direct.jitterP99, 2)} ms over ${proxied.packets} packets; target ≤ 5 ms`,
      ],
      [
        `Burst ${burst.toLocaleString()}, proxy on, upstream a Node sink: panel`,
        `${fmt(sink.panelMs, 0)} ms`,
        `first send → last row visible; the sink had all ${sink.serverMs === null ? 'n/a' : `after ${fmt(sink.serverMs, 0)} ms`}`,
      ],
      [
        `Burst ${burst.toLocaleString()}, proxy on, upstream the Python sample: panel`,
        `${fmt(b.panelMs, 0)} ms`,
        'first send → last row visible (python printing on the same 2 cores)',
      ],
      [
        `Burst ${burst.toLocaleString()}: Python sample, agent connected directly`,
        directPython === null ? 'n/a' : `${fmt(directPython, 0)} ms`,
        'the foundation target: the panel (proxy on) must be sooner',
      ],
      [
        `Burst ${burst.toLocaleString()} with proxy on: Python sample behind the panel`,
        b.serverMs === null ? 'n/a' : `${fmt(b.serverMs, 0)} ms`,
        'the same burst, forwarded, printed by the dialogue server',
      ],
      [
        `Core alone, ${burst.toLocaleString()} frames logged: plain → forwarding too`,
        `${fmt(best(plainCore).loggedMs, 0)} → ${fmt(best(proxiedCore).loggedMs, 0)} ms`,
        `CPU ${fmt(best(plainCore).cpuMs, 0)} → ${fmt(best(proxiedCore).cpuMs, 0)} ms; one process with the sender and the sink, best of two`,
      ],
      [
        'Burst on disk (proxy on)',
        `${sink.onDisk.toLocaleString()} and ${b.onDisk.toLocaleString()} / ${burst.toLocaleString()}`,
        'lines in the session log, both runs',
      ],
    ]),
  );
}
