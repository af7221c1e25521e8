/** Dialogue servers for the proxy benchmark's bursts: the documentation's Python sample, and a bare sink. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';

const wallMs = (): number => performance.timeOrigin + performance.now();
const SAMPLE_SERVER = fileURLToPath(new URL('../../../bench/sample_server.py', import.meta.url));

export interface BurstUpstream {
  url: string;
  /** Wall-clock ms when the last line of the burst arrived (or was printed), or 0. */
  endedAt(): number;
  stop(): Promise<void>;
}

export async function pythonUpstream(count: number): Promise<BurstUpstream> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const py = spawn('/usr/bin/python3', ['-u', SAMPLE_SERVER, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  let end = 0;
  const last = `BURST|${count - 1}\n`;
  py.stdout.on('data', (d: Buffer) => {
    tail = (tail + d.toString()).slice(-200);
    if (!end && tail.includes(last)) end = wallMs();
  });
  const t0 = Date.now();
  while (!tail.includes('READY') && Date.now() - t0 < 5000 && py.exitCode === null)
    await new Promise((r) => setTimeout(r, 10));
  return { url: `ws://127.0.0.1:${port}/chat`, endedAt: () => end, stop: async () => void py.kill() };
}

export async function sinkUpstream(count: number): Promise<BurstUpstream> {
  const http = createServer();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  let end = 0;
  const last = `BURST|${count - 1}\n`;
  http.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) =>
      ws.on('message', (data: Buffer) => {
        if (!end && data.toString('latin1') === last) end = wallMs();
      }),
    ),
  );
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  return {
    url: `ws://127.0.0.1:${(http.address() as { port: number }).port}/chat`,
    endedAt: () => end,
    stop: async () => {
      http.closeAllConnections();
      await new Promise((r) => http.close(r));
    },
  };
}

/** The foundation's burst with proxying on: last row visible in the live log, and when the dialogue server had it all. */
