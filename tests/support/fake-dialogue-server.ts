/**
 * A fake dialogue server, behaving like the send-and-receive sample in MMDAgent-EX's
 * documentation: it accepts the agent's connection, keeps (prints) every frame it gets,
 * and sends `TEST_MESSAGE\n` at once and then every 2 s. It can be stopped and started
 * again on the same port, as a team restarts its Python script.
 */
import { createServer, type Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { waitUntil } from './wait';

export interface ServerFrame {
  data: Buffer;
  binary: boolean;
  at: number;
}

export interface FakeDialogueServerOptions {
  /** How often TEST_MESSAGE is sent (the sample: 2 s); 0 sends none. */
  intervalMs?: number;
  path?: string;
}

export class FakeDialogueServer {
  /** Every frame received, in order, across all connections. */
  readonly frames: ServerFrame[] = [];
  /** Upgrade requests seen: path and X-App-Type header. */
  readonly upgrades: { path: string; appType: string | undefined }[] = [];
  connections = 0;
  closedByPeer = 0;
  port = 0;
  private http: Server | null = null;
  private wss: WebSocketServer | null = null;
  private readonly clients = new Set<WebSocket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly opts: Required<FakeDialogueServerOptions>;

  constructor(options: FakeDialogueServerOptions = {}) {
    this.opts = { intervalMs: 2000, path: '/chat', ...options };
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}${this.opts.path}`;
  }

  /** Lines received as text (frames split on newlines). */
  get lines(): string[] {
    return this.frames.filter((f) => !f.binary).flatMap((f) => f.data.toString('utf8').split('\n').filter(Boolean));
  }

  get open(): number {
    return this.clients.size;
  }

  async start(port = this.port): Promise<void> {
    const http = createServer();
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    http.on('upgrade', (req, socket, head) => {
      this.upgrades.push({ path: req.url ?? '', appType: req.headers['x-app-type'] as string | undefined });
      wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, '127.0.0.1', () => resolve());
    });
    const address = http.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    this.http = http;
    this.wss = wss;
  }

  /** The script exits: connections drop without a close frame, and nothing listens. */
  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
    for (const ws of this.clients) ws.terminate();
    this.clients.clear();
    const http = this.http;
    this.http = null;
    this.wss?.close();
    this.wss = null;
    if (http) {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  }

  /** Sends one frame to every connected agent. */
  send(data: string | Buffer, binary = typeof data !== 'string'): void {
    for (const ws of this.clients) ws.send(data, { binary });
  }

  waitFor(predicate: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
    return waitUntil(predicate, timeoutMs, what, 'fake dialogue server');
  }

  private accept(ws: WebSocket): void {
    this.connections++;
    this.clients.add(ws);
    ws.on('error', () => undefined);
    ws.on('message', (data: Buffer, binary) =>
      this.frames.push({ data: Buffer.from(data), binary, at: performance.now() }),
    );
    ws.on('close', () => {
      if (this.clients.delete(ws)) this.closedByPeer++;
      clearInterval(timer);
      this.timers.delete(timer);
    });
    const timer = setInterval(() => ws.send('TEST_MESSAGE\n'), this.opts.intervalMs || 2 ** 30);
    this.timers.add(timer);
    if (this.opts.intervalMs > 0) ws.send('TEST_MESSAGE\n');
  }
}
