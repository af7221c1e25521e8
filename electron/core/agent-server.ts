/**
 * The WebSocket server MMDAgent-EX's Plugin_Remote connects to. Closing an agent's
 * connection kills the released MMDAgent-EX, so nothing here closes one except
 * `closeSession`/`stop`, which the panel calls only on an explicit user action.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ChangeResult, ServerStatus, AgentInfo } from '../../common/agents.js';
import type { ListenProblem, Reason } from '../../common/problems.js';
import type { ServerSettings } from '../../common/settings.js';
import { nameFromPath } from '../../common/agent-names.js';
import { NO_HANDLERS, type AgentServerHandlers } from './agent-events.js';
import { bindHost, endpointUrl, normalizePath, refuse, toBytes, upgradeServer } from './endpoint.js';
import { describeListenError, tryListen } from './listen-errors.js';
import { LineSplitter, hexPreview } from './protocol.js';

export interface AgentServerOptions {
  /** Largest frame accepted from a peer; MMDAgent-EX's own lines are far smaller. */
  maxPayload?: number;
  heartbeatMs?: number;
  /** Pongs missed in a row before the agent is reported as not answering. */
  missedPongs?: number;
  maxAgents?: number;
  /** Time a client has to finish its HTTP upgrade request. */
  handshakeTimeoutMs?: number;
}

interface Connection {
  info: AgentInfo;
  ws: WebSocket;
  splitter: LineSplitter;
  missed: number;
  /** Why ws gave up on the socket, when it did (e.g. a frame over maxPayload). */
  failure?: Reason;
}

export class AgentServer {
  private http: Server | null = null;
  private readonly wss: WebSocketServer;
  private readonly connections = new Map<number, Connection>();
  private heartbeat: NodeJS.Timeout | null = null;
  private nextId = 1;
  private path = '/';
  private allowedOrigins = new Set<string>();
  private status: ServerStatus = { state: 'stopped', url: '', host: '', port: 0, path: '/' };

  /** Who hears what agents do; set once by `attach`, before the server starts listening. */
  private handlers: AgentServerHandlers = NO_HANDLERS;

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

  list(): AgentInfo[] {
    return [...this.connections.values()].map((s) => ({ ...s.info }));
  }

  count(): number {
    return this.connections.size;
  }

  info(agentId: number): AgentInfo | undefined {
    const connection = this.connections.get(agentId);
    return connection ? { ...connection.info } : undefined;
  }

  has(agentId: number): boolean {
    return this.connections.has(agentId);
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
    const server = upgradeServer(
      this.options.handshakeTimeoutMs ?? 10_000,
      (req, socket, head) => this.upgrade(req, socket, head),
      (why, remote) => this.handlers.onRejected(why, remote),
    );
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

  /**
   * Whether the panel could listen at `settings`' address, tried before anything is closed: the
   * address it listens on now, and port 0, always can.
   */
  async probe(settings: ServerSettings): Promise<ListenProblem | null> {
    const host = bindHost(settings.wsHost);
    const port = settings.wsPort;
    const ours = this.http !== null && this.status.port === port;
    if (port === 0 || (ours && this.status.host === host)) return null;
    const problem = await tryListen(host, port);
    /* Our own listener holds this port on another address of the machine: it closes before the move. */
    return ours && problem?.code === 'EADDRINUSE' ? null : problem;
  }

  /** Closes the listener and every agent connection (only after the user agreed). */
  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const agentId of [...this.connections.keys()]) this.closeAgent(agentId, { reason: 'listenerStopped' });
    const server = this.http;
    this.http = null;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    this.status = { ...this.status, state: 'stopped' };
  }

  /** The one guarded send: never throws, never writes to a socket that is not open. */
  send(agentId: number, data: string | Uint8Array, binary = typeof data !== 'string'): boolean {
    const connection = this.connections.get(agentId);
    if (!connection || connection.ws.readyState !== connection.ws.OPEN) return false;
    connection.ws.send(data, { binary }, (error) => {
      if (error)
        this.handlers.onRejected({ reason: 'sendFailed', detail: error.message }, connection.info.remoteAddress);
    });
    connection.info.messagesOut++;
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
  disconnect(agentId: number, confirm = false): ChangeResult {
    if (!this.connections.has(agentId)) return { ok: false, problem: { key: 'agentGone', agentId: agentId } };
    if (!confirm) return { ok: false, needsConfirm: true, agents: 1, reason: 'disconnect' };
    this.closeAgent(agentId, { reason: 'operator' });
    return { ok: true };
  }

  /** An empty close frame: a reconnecting MMDAgent-EX would glue a status code to its next line. */
  closeAgent(agentId: number, why: Reason): boolean {
    const connection = this.connections.get(agentId);
    if (!connection) return false;
    this.drop(connection, why);
    const { ws } = connection;
    ws.close();
    /* MMDAgent-EX never answers a close frame; do not wait ws's 30 s for it. */
    const force = setTimeout(() => ws.terminate(), 1000);
    ws.once('close', () => clearTimeout(force));
    return true;
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const remote = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? 0}`;
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const named = nameFromPath(this.path, pathname);
    if (!named) {
      this.handlers.onRejected({ reason: 'wrongPath', path: pathname.slice(0, 200), expected: this.path }, remote);
      return refuse(socket, 404, 'Not Found');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !this.allowedOrigins.has(origin)) {
      /* Browsers always send Origin and MMDAgent-EX never does: this is a web page (cross-site WebSocket hijacking). */
      this.handlers.onRejected({ reason: 'webOrigin', origin: String(origin).slice(0, 100) }, remote);
      return refuse(socket, 403, 'Forbidden');
    }
    const max = this.options.maxAgents ?? 20;
    if (this.connections.size >= max) {
      this.handlers.onRejected({ reason: 'tooMany', max }, remote);
      return refuse(socket, 429, 'Too Many Requests');
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req, pathname, named.name));
  }

  private accept(ws: WebSocket, req: IncomingMessage, path: string, name: string | undefined): void {
    const info: AgentInfo = {
      agentId: this.nextId++,
      remoteAddress: req.socket.remoteAddress ?? '?',
      remotePort: req.socket.remotePort ?? 0,
      path,
      ...(name === undefined ? {} : { name }),
      isMMDAgent: String(req.headers['x-app-type'] ?? '').trim() === 'MMDAgent',
      connectedAt: Date.now(),
      messagesIn: 0,
      messagesOut: 0,
      responsive: true,
    };
    const connection: Connection = { info, ws, splitter: new LineSplitter(), missed: 0 };
    this.connections.set(info.agentId, connection);
    ws.on('error', (error: Error & { code?: string }) => {
      connection.failure =
        error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
          ? { reason: 'frameTooLarge' }
          : { reason: 'protocolError', detail: error.message };
    });
    ws.on('pong', () => {
      connection.missed = 0;
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
      connection.splitter.each(bytes, onLine);
    });
    ws.on('close', (code) => {
      const rest = connection.splitter.flush();
      if (rest !== null && this.connections.has(info.agentId)) {
        info.messagesIn++;
        this.handlers.onLine(info, rest);
      }
      this.drop(
        connection,
        connection.failure ??
          (code === 1009
            ? { reason: 'frameTooLarge' }
            : code === 1005 || code === 1006
              ? { reason: 'agentDisconnected' }
              : { reason: 'agentClosed', detail: String(code) }),
      );
    });
    this.handlers.onOpen({ ...info });
  }

  private drop(connection: Connection, why: Reason): void {
    if (!this.connections.delete(connection.info.agentId)) return;
    this.handlers.onClose({ ...connection.info }, why);
  }

  /** Pings every agent; one that misses pongs is reported, never closed. */
  private startHeartbeat(): void {
    const every = this.options.heartbeatMs ?? 10_000;
    const limit = this.options.missedPongs ?? 2;
    this.heartbeat = setInterval(() => {
      for (const connection of this.connections.values()) {
        if (connection.ws.readyState !== connection.ws.OPEN) continue;
        connection.missed++;
        if (connection.missed > limit && connection.info.responsive) {
          connection.info.responsive = false;
          this.handlers.onResponsive({ ...connection.info }, false);
        }
        connection.ws.ping();
      }
    }, every);
    this.heartbeat.unref();
  }
}
