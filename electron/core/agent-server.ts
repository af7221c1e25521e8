/**
 * The WebSocket server MMDAgent-EX's Plugin_Remote connects to. Closing an agent's
 * connection kills the released MMDAgent-EX, so nothing here closes one except
 * `closeSession`/`stop`, which the panel calls only on an explicit user action.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ChangeResult, ServerStatus, SessionInfo } from '../../common/agents.js';
import type { Reason } from '../../common/problems.js';
import type { ServerSettings } from '../../common/settings.js';
import { describeListenError } from './listen-errors.js';
import { LineSplitter, hexPreview } from './protocol.js';

export interface AgentServerHandlers {
  onOpen(session: SessionInfo): void;
  /** Every frame as received, before it is split into lines (proxy mode forwards it from here). */
  onFrame?(session: SessionInfo, data: Buffer, isBinary: boolean): void;
  onLine(session: SessionInfo, line: string): void;
  onBinary(session: SessionInfo, length: number, preview: string): void;
  onClose(session: SessionInfo, why: Reason): void;
  onResponsive(session: SessionInfo, responsive: boolean): void;
  onRejected(why: Reason, remote: string): void;
}

const IGNORE: AgentServerHandlers = {
  onOpen: () => undefined,
  onLine: () => undefined,
  onBinary: () => undefined,
  onClose: () => undefined,
  onResponsive: () => undefined,
  onRejected: () => undefined,
};

export interface AgentServerOptions {
  /** Largest frame accepted from a peer; MMDAgent-EX's own lines are far smaller. */
  maxPayload?: number;
  heartbeatMs?: number;
  /** Pongs missed in a row before the agent is reported as not answering. */
  missedPongs?: number;
  maxSessions?: number;
  /** Time a client has to finish its HTTP upgrade request. */
  handshakeTimeoutMs?: number;
}

interface Session {
  info: SessionInfo;
  ws: WebSocket;
  splitter: LineSplitter;
  missed: number;
  /** Why ws gave up on the socket, when it did (e.g. a frame over maxPayload). */
  failure?: Reason;
}

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

export class AgentServer {
  private http: Server | null = null;
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<number, Session>();
  private heartbeat: NodeJS.Timeout | null = null;
  private nextId = 1;
  private path = '/';
  private allowedOrigins = new Set<string>();
  private status: ServerStatus = { state: 'stopped', url: '', host: '', port: 0, path: '/' };

  /** Who hears what agents do; set once by `attach`, before the server starts listening. */
  private handlers: AgentServerHandlers = IGNORE;

  constructor(private readonly options: AgentServerOptions = {}) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxPayload ?? 1 << 20,
      perMessageDeflate: false,
      clientTracking: false,
      /* ws would close on invalid UTF-8 (1007), killing MMDAgent-EX; we decode leniently. */
      skipUTF8Validation: true,
    });
  }

  get currentStatus(): ServerStatus {
    return this.status;
  }

  list(): SessionInfo[] {
    return [...this.sessions.values()].map((s) => ({ ...s.info }));
  }

  count(): number {
    return this.sessions.size;
  }

  has(id: number): boolean {
    return this.sessions.has(id);
  }

  /** Applies at once, without restarting the listener. */
  setAllowedOrigins(origins: readonly string[]): void {
    this.allowedOrigins = new Set(origins);
  }

  /** Listens with these settings; a failure (port in use, bad address) becomes a status, not a throw. */
  async start(settings: ServerSettings): Promise<ServerStatus> {
    /* Never two listeners or two heartbeats: a second start replaces the first. */
    if (this.http || this.heartbeat) await this.stop();
    const host = bindHost(settings.wsHost);
    this.path = normalizePath(settings.wsPath);
    this.setAllowedOrigins(settings.allowedOrigins);
    const handshake = this.options.handshakeTimeoutMs ?? 10_000;
    /* A socket that never finishes its upgrade request is dropped after `handshake` ms. */
    const server = createServer(
      { headersTimeout: handshake, requestTimeout: handshake, connectionsCheckingInterval: Math.min(1000, handshake) },
      (_req, res) => {
        res.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Upgrade: 'websocket' });
        res.end('Remote Panel for MMDAgent-EX: this endpoint speaks WebSocket (Plugin_Remote).\n');
      },
    );
    server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    server.on('clientError', (_err, socket) => socket.destroy());
    this.status = {
      state: 'starting',
      url: endpointUrl(host, settings.wsPort, this.path),
      host,
      port: settings.wsPort,
      path: this.path,
    };
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host, port: settings.wsPort, ipv6Only: false }, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      server.close();
      this.status = {
        ...this.status,
        state: 'error',
        error: await describeListenError(error as NodeJS.ErrnoException, host, settings.wsPort),
      };
      return this.status;
    }
    server.on('error', () => undefined);
    this.http = server;
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : settings.wsPort;
    this.status = { state: 'listening', url: endpointUrl(host, port, this.path), host, port, path: this.path };
    this.startHeartbeat();
    return this.status;
  }

  /** Closes the listener and every agent connection (only after the user agreed). */
  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const id of [...this.sessions.keys()]) this.closeSession(id, { reason: 'listenerStopped' });
    const server = this.http;
    this.http = null;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    this.status = { ...this.status, state: 'stopped' };
  }

  /** The one guarded send: never throws, never writes to a socket that is not open. */
  send(id: number, data: string | Uint8Array, binary = typeof data !== 'string'): boolean {
    const session = this.sessions.get(id);
    if (!session || session.ws.readyState !== session.ws.OPEN) return false;
    session.ws.send(data, { binary }, (error) => {
      if (error) this.handlers.onRejected({ reason: 'sendFailed', detail: error.message }, session.info.remoteAddress);
    });
    session.info.messagesOut++;
    return true;
  }

  /**
   * The services that handle agents are built after the server they send through, so the server
   * is told who handles them once they exist.
   */
  attach(handlers: AgentServerHandlers): void {
    this.handlers = handlers;
  }

  /** The operator's Disconnect: it kills the released MMDAgent-EX, so it needs `confirm`. */
  disconnect(id: number, confirm = false): ChangeResult {
    if (!this.sessions.has(id)) return { ok: false, problem: { key: 'agentGone', id } };
    if (!confirm) return { ok: false, needsConfirm: true, agents: 1, reason: 'disconnect' };
    this.closeSession(id, { reason: 'operator' });
    return { ok: true };
  }

  /** An empty close frame: a reconnecting MMDAgent-EX would glue a status code to its next line. */
  closeSession(id: number, why: Reason): boolean {
    const session = this.sessions.get(id);
    if (!session) return false;
    this.drop(session, why);
    const { ws } = session;
    ws.close();
    /* MMDAgent-EX never answers a close frame; do not wait ws's 30 s for it. */
    const force = setTimeout(() => ws.terminate(), 1000);
    ws.once('close', () => clearTimeout(force));
    return true;
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const remote = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? 0}`;
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname !== this.path) {
      this.handlers.onRejected(
        { reason: 'wrongPath', path: String(pathname).slice(0, 200), expected: this.path },
        remote,
      );
      return refuse(socket, 404, 'Not Found');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !this.allowedOrigins.has(origin)) {
      /* Browsers always send Origin and MMDAgent-EX never does: this is a web page (cross-site WebSocket hijacking). */
      this.handlers.onRejected({ reason: 'webOrigin', origin: String(origin).slice(0, 100) }, remote);
      return refuse(socket, 403, 'Forbidden');
    }
    const max = this.options.maxSessions ?? 20;
    if (this.sessions.size >= max) {
      this.handlers.onRejected({ reason: 'tooMany', max }, remote);
      return refuse(socket, 429, 'Too Many Requests');
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req, pathname));
  }

  private accept(ws: WebSocket, req: IncomingMessage, path: string): void {
    const info: SessionInfo = {
      id: this.nextId++,
      remoteAddress: req.socket.remoteAddress ?? '?',
      remotePort: req.socket.remotePort ?? 0,
      path,
      isMMDAgent: String(req.headers['x-app-type'] ?? '').trim() === 'MMDAgent',
      connectedAt: Date.now(),
      messagesIn: 0,
      messagesOut: 0,
      responsive: true,
    };
    const session: Session = { info, ws, splitter: new LineSplitter(), missed: 0 };
    this.sessions.set(info.id, session);
    ws.on('error', (error: Error & { code?: string }) => {
      session.failure =
        error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
          ? { reason: 'frameTooLarge' }
          : { reason: 'protocolError', detail: error.message };
    });
    ws.on('pong', () => {
      session.missed = 0;
      if (!info.responsive) {
        info.responsive = true;
        this.handlers.onResponsive({ ...info }, true);
      }
    });
    /* Made once per agent, not per frame. */
    const onLine = (line: string): void => {
      info.messagesIn++;
      this.handlers.onLine(info, line);
    };
    ws.on('message', (data, isBinary) => {
      const bytes = toBytes(data);
      this.handlers.onFrame?.(info, bytes, isBinary);
      if (isBinary) {
        info.messagesIn++;
        this.handlers.onBinary(info, bytes.length, hexPreview(bytes));
        return;
      }
      session.splitter.each(bytes, onLine);
    });
    ws.on('close', (code) => {
      const rest = session.splitter.flush();
      if (rest !== null && this.sessions.has(info.id)) {
        info.messagesIn++;
        this.handlers.onLine(info, rest);
      }
      this.drop(
        session,
        session.failure ??
          (code === 1009
            ? { reason: 'frameTooLarge' }
            : code === 1005 || code === 1006
              ? { reason: 'agentDisconnected' }
              : { reason: 'agentClosed', detail: String(code) }),
      );
    });
    this.handlers.onOpen({ ...info });
  }

  private drop(session: Session, why: Reason): void {
    if (!this.sessions.delete(session.info.id)) return;
    this.handlers.onClose({ ...session.info }, why);
  }

  /** Pings every agent; one that misses pongs is reported, never closed. */
  private startHeartbeat(): void {
    const every = this.options.heartbeatMs ?? 10_000;
    const limit = this.options.missedPongs ?? 2;
    this.heartbeat = setInterval(() => {
      for (const session of this.sessions.values()) {
        if (session.ws.readyState !== session.ws.OPEN) continue;
        session.missed++;
        if (session.missed > limit && session.info.responsive) {
          session.info.responsive = false;
          this.handlers.onResponsive({ ...session.info }, false);
        }
        session.ws.ping();
      }
    }, every);
    this.heartbeat.unref();
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? Buffer.from(data) : data;
}
