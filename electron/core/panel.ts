/**
 * The heart of the app: composes the agent server, the message log and settings,
 * and is the one object both adapters (Electron IPC, browser bridge) talk to.
 */
import { join } from 'node:path';
import type { ChangeResult, EventMap, MicChunk, SendResult, SendTo, SessionInfo, Settings, Snapshot, StreamFileRequest, StreamResult, Target } from '../../common/contract.js';
import { AgentServer, type AgentServerOptions } from './agent-server.js';
import type { PacerOptions } from './audio-packets.js';
import { AudioStreamer } from './audio-stream.js';
import { Emitter } from './emitter.js';
import { JsonlWriter } from './log-writer.js';
import { MessageLog, type CoreBatch } from './message-log.js';
import { PeriodicSender } from './periodic.js';
import { Proxy, upstreamLoopError, upstreamUrl } from './proxy.js';
import { sessionLogName } from './paths.js';
import { splitCompose, wireLine } from './protocol.js';
import { SceneTracker } from './scene.js';
import { UiBudget } from './ui-budget.js';
import { SettingsStore, settingsError } from './settings.js';
import type { UpstreamOptions } from './upstream.js';

export const CLOSE_WARNING = 'MMDAgent-EX exits when this connection closes.';

export interface PanelOptions {
  /** Folder for settings.json; null keeps settings in memory only. */
  dataDir: string | null;
  /** Folder for session logs; defaults to `<dataDir>/logs`. */
  logDir?: string;
  /** Overrides for this run only (command-line flags); not written to settings.json. */
  overrides?: Partial<Settings>;
  server?: AgentServerOptions;
  pacer?: PacerOptions;
  /** UI entries per second per agent (default 50,000). */
  uiRatePerSec?: number;
  /** UI batch tick, 16–50 ms (default 16: one batch per display frame). */
  tickMs?: number;
  upstream?: UpstreamOptions;
  host: Snapshot['host'];
}

/** What the panel emits: the contract's events, with log batches also pre-serialized for the bridge. */
export type PanelEvents = Omit<EventMap, 'log:batch'> & { 'log:batch': CoreBatch };

export class Panel extends Emitter<PanelEvents> {
  readonly log: MessageLog;
  readonly server: AgentServer;
  readonly writer: JsonlWriter | null;
  readonly audio: AudioStreamer;
  readonly scene = new SceneTracker();
  readonly proxy: Proxy;
  readonly periodic: PeriodicSender;
  /** What one agent may put in the UI per second; the rest goes to disk only, with a marker. */
  readonly uiBudget: UiBudget;
  private readonly settingsStore: SettingsStore;
  private overrides: Partial<Settings>;
  private tick: NodeJS.Timeout | null = null;
  private sessionsDirty = false;
  private sessionsSentAt = 0;
  private audioDirty = false;
  private settingsQueue: Promise<unknown> = Promise.resolve();
  private audioSentAt = 0;
  private sceneDirty = false;
  /** Whether the agent frame being split into lines right now reached the dialogue server. */
  private frameForwarded = true;

  constructor(private readonly options: PanelOptions) {
    super();
    this.settingsStore = new SettingsStore(options.dataDir ? join(options.dataDir, 'settings.json') : null);
    this.overrides = options.overrides ?? {};
    const logDir = options.logDir ?? (options.dataDir ? join(options.dataDir, 'logs') : null);
    this.writer = logDir
      ? new JsonlWriter(join(logDir, sessionLogName()), {
          onError: (e) => this.log.notice('error', `The session log cannot be written (${e.message}). Messages are still shown here.`, null, { key: 'logWriteFailed', params: { error: e.message } }),
        })
      : null;
    this.log = new MessageLog({ sink: this.writer, echoTimeoutMs: this.settings().echoTimeoutSec * 1000 });
    this.server = new AgentServer(
      {
        onOpen: (s) => this.onOpen(s),
        /* Forwarding comes first; the per-line logging below runs beside it, never in its path. */
        onFrame: (s, data, binary) => {
          this.frameForwarded = this.proxy.fromAgent(s.id, data, binary);
        },
        /* Logging runs beside forwarding: a failure here must not touch the frame (already forwarded) or the agent. */
        onLine: (s, line) =>
          this.besideForwarding(() => {
            this.log.incoming(s.id, line, this.uiBudget.take(s.id), this.frameForwarded);
            if (this.scene.observe(s.id, line)) this.sceneDirty = true;
            this.sessionsDirty = true;
          }),
        onBinary: (s, length, preview) =>
          this.besideForwarding(() => {
            this.log.incomingBinary(s.id, length, preview);
            this.sessionsDirty = true;
          }),
        onClose: (s, reason) => this.onClose(s, reason),
        onResponsive: (s, ok) => {
          this.log.notice(ok ? 'status' : 'error', ok ? `Agent #${s.id} answers pings again.` : `Agent #${s.id} does not answer pings (the connection is kept open).`, s.id, { key: ok ? 'pingsBack' : 'pingsMissed', params: { id: s.id } });
          this.sessionsDirty = true;
        },
        onRejected: (reason, remote) => this.log.notice('error', `Connection from ${remote} ${reason}.`, null, { key: 'rejected', params: { remote, reason } }),
      },
      options.server,
    );
    this.uiBudget = new UiBudget(options.uiRatePerSec ?? 50_000);
    this.proxy = new Proxy(
      {
        sendToAgent: (id, data, binary) => this.server.send(id, data, binary),
        log: this.log,
        uiAllowed: (id) => this.uiBudget.take(id),
        agentControl: (id, line) => this.audio.noteControl(id, line),
        changed: () => (this.sessionsDirty = true),
      },
      options.upstream,
    );
    this.audio = new AudioStreamer(
      {
        sendBytes: (id, bytes) => this.proxy.toAgent(id, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), true),
        control: (id, line) => this.sendLine(id, line),
        notice: (text, id, kind = 'status', msg) => this.log.notice(kind, text, id, msg),
        changed: () => (this.audioDirty = true),
      },
      options.pacer,
    );
    this.periodic = new PeriodicSender(
      (req) => this.send(req.target, req.text, req.to),
      () => this.emit('periodic:changed', this.periodic.list()),
    );
    this.audio.maxDurationSec = this.settings().audioMaxSec;
    this.proxy.configure(upstreamUrl(this.settings()), []);
    if (this.settingsStore.recovery) this.log.notice('error', this.settingsStore.recovery, null, { key: 'settingsRecovered', params: { detail: this.settingsStore.recovery } });
  }

  settings(): Settings {
    return { ...this.settingsStore.get(), ...this.overrides };
  }

  async start(): Promise<void> {
    await this.listen();
    this.tick = setInterval(() => this.flushTick(), this.options.tickMs ?? 16);
  }

  /** What a UI needs when it starts; events after this carry only what is new. */
  snapshot(): Snapshot {
    return {
      settings: this.settings(),
      status: this.server.currentStatus,
      sessions: this.sessionList(),
      recent: this.log.recent(),
      logFile: this.writer?.path ?? '',
      host: this.options.host,
      audio: this.audio.status(),
      scene: this.scene.snapshot(),
      periodic: this.periodic.list(),
    };
  }

  private loggingFailed = false;

  /** Runs per-line bookkeeping; an error in it is reported once and never reaches the connection. */
  private besideForwarding(work: () => void): void {
    try {
      work();
    } catch (error) {
      if (this.loggingFailed) return;
      this.loggingFailed = true;
      console.error('Remote Panel: logging a message failed; forwarding and the connection go on.', error);
    }
  }

  /** Sessions with their dialogue-server link, when proxying. */
  sessionList(): SessionInfo[] {
    return this.server.list().map((s) => {
      const upstream = this.proxy.info(s.id);
      return upstream ? { ...s, upstream } : s;
    });
  }

  /** Composed lines, checked by the protocol rules, to agents or (proxy mode) to their dialogue server as them. */
  send(target: Target, text: string, to: SendTo = 'agent'): SendResult {
    const parsed = splitCompose(text);
    if (!parsed.ok) return parsed;
    const ids = this.targetIds(target);
    if (ids.length === 0) return { ok: false, error: 'No MMDAgent-EX is connected, so nothing was sent.' };
    if (target !== 'all' && !this.server.has(target)) {
      return { ok: false, error: `Agent #${target} is no longer connected, so nothing was sent.` };
    }
    if (to === 'server') return this.proxy.sendToServer(ids, parsed.lines);
    for (const id of ids) for (const line of parsed.lines) this.sendLine(id, line);
    return { ok: true, lines: parsed.lines.length, sessions: ids.length };
  }

  /** "Retry now" for dialogue-server links waiting out their backoff. */
  retryUpstream(target: Target): ChangeResult {
    if (!this.proxy.enabled) return { ok: false, error: 'Proxy mode is off.' };
    const n = this.proxy.retry(this.targetIds(target));
    return n > 0 ? { ok: true } : { ok: false, error: 'No dialogue-server link is waiting to retry.' };
  }

  private targetIds(target: Target): number[] {
    return target === 'all' ? this.server.list().map((s) => s.id) : [target];
  }

  streamFile(req: StreamFileRequest): StreamResult {
    return this.forAgent(req.target, () => this.audio.streamFile(req.target, req));
  }

  stopAudio(target: number): StreamResult {
    return this.forAgent(target, () => this.audio.stop(target));
  }

  micStart(target: number, alias: string): StreamResult {
    return this.forAgent(target, () => this.audio.micStart(target, alias));
  }

  micStop(target: number): StreamResult {
    return this.audio.micStop(target);
  }

  micChunk(chunk: MicChunk): void {
    this.audio.micChunk(chunk.target, chunk.pcm, chunk.capturedAt);
  }

  private forAgent(target: number, run: () => StreamResult): StreamResult {
    if (!this.server.has(target)) return { ok: false, error: `Agent #${target} is not connected, so nothing was sent.` };
    return run();
  }

  /** One checked line to one agent, logged; `__AV_*` lines keep the audio preamble state true. */
  private sendLine(id: number, line: string): boolean {
    if (!this.proxy.toAgent(id, wireLine(line), false)) return false;
    this.log.outgoing(id, line);
    if (line.startsWith('__AV')) this.audio.noteControl(id, line);
    this.sessionsDirty = true;
    return true;
  }

  /**
   * Changing where the panel listens restarts the listener; with agents connected it
   * needs `confirm`. Changes run one at a time, so two saves can never race two listeners.
   */
  updateSettings(patch: Partial<Settings>, confirm = false): Promise<ChangeResult> {
    const run = this.settingsQueue.then(() => this.applySettings(patch, confirm));
    this.settingsQueue = run.catch(() => undefined);
    return run;
  }

  private async applySettings(patch: Partial<Settings>, confirm: boolean): Promise<ChangeResult> {
    const before = this.settings();
    const merged = { ...before, ...patch };
    const bound = this.server.currentStatus;
    /* Proxy mode needs a URL whichever of the two the patch changes. */
    const noUrl = merged.upstreamEnabled && merged.upstreamUrl.trim() === '' ? 'Set the upstream URL before turning proxy mode on.' : null;
    const error = settingsError(patch) ?? upstreamLoopError(merged, bound) ?? noUrl;
    if (error) return { ok: false, error };
    /* Port 0 means "any free port": naming the port actually bound is not a move. */
    const samePort = patch.wsPort === undefined || patch.wsPort === before.wsPort || (before.wsPort === 0 && bound.state === 'listening' && patch.wsPort === bound.port);
    const moves = !samePort || (['wsHost', 'wsPath'] as const).some((k) => patch[k] !== undefined && patch[k] !== before[k]);
    /* UI preferences (filters, quick commands, window size) never touch the listener. */
    const touchesServer = (['wsHost', 'wsPort', 'wsPath'] as const).some((k) => patch[k] !== undefined);
    const restart = moves || (touchesServer && bound.state !== 'listening');
    const agents = this.server.count();
    if (restart && agents > 0 && !confirm) {
      return { ok: false, needsConfirm: true, agents, message: `${CLOSE_WARNING} Changing where the panel listens closes ${agents === 1 ? 'the connected agent' : `all ${agents} connected agents`}.` };
    }
    for (const key of Object.keys(patch) as (keyof Settings)[]) delete this.overrides[key];
    const next = this.settingsStore.update(patch);
    this.log.echoTimeoutMs = next.echoTimeoutSec * 1000;
    this.server.setAllowedOrigins(this.settings().allowedOrigins);
    this.audio.maxDurationSec = next.audioMaxSec;
    this.proxy.configure(upstreamUrl(this.settings()), this.server.list().map((s) => s.id));
    this.sessionsDirty = true;
    this.emit('settings:changed', this.settings());
    if (restart) {
      this.audio.stopAll();
      await this.server.stop();
      await this.listen();
    }
    return { ok: true };
  }

  disconnect(id: number, confirm = false): ChangeResult {
    if (!this.server.has(id)) return { ok: false, error: `Agent #${id} is not connected.` };
    if (!confirm) return { ok: false, needsConfirm: true, agents: 1, message: `${CLOSE_WARNING} Disconnect agent #${id}?` };
    this.server.closeSession(id, 'closed by the operator');
    return { ok: true };
  }

  /** Quit: close agents with empty close frames and flush the log to disk. */
  async shutdown(): Promise<void> {
    if (this.tick) clearInterval(this.tick);
    this.tick = null;
    this.audio.stopAll();
    this.periodic.stopAll();
    this.proxy.closeAll();
    await this.server.stop();
    this.flushTick();
    this.writer?.close();
  }

  private async listen(): Promise<void> {
    const status = await this.server.start(this.settings());
    if (status.state === 'listening') this.log.notice('status', `Listening on ${status.url} for MMDAgent-EX.`, null, { key: 'listening', params: { url: status.url } });
    else if (status.error) this.log.notice('error', status.error.message);
    this.emit('server:status', status);
  }

  private onOpen(s: SessionInfo): void {
    const who = s.isMMDAgent ? 'MMDAgent-EX' : 'A client without X-App-Type: MMDAgent';
    this.log.notice('status', `${who} connected from ${s.remoteAddress}:${s.remotePort} (agent #${s.id}).`, s.id, { key: s.isMMDAgent ? 'agentConnected' : 'clientConnected', params: { remote: `${s.remoteAddress}:${s.remotePort}`, id: s.id } });
    this.proxy.agentOpened(s.id);
    this.emit('sessions:changed', this.sessionList());
  }

  private onClose(s: SessionInfo, reason: string): void {
    this.proxy.agentClosed(s.id);
    this.log.sessionClosed(s.id);
    this.audio.sessionClosed(s.id);
    const hidden = this.uiBudget.forget(s.id);
    if (hidden > 0) this.log.notice('error', `${hidden.toLocaleString('en-US')} messages from agent #${s.id} were not shown; the session log has every one.`, s.id, { key: 'hiddenOnLeave', params: { n: hidden, id: s.id } });
    if (this.scene.drop(s.id)) this.sceneDirty = true;
    this.log.notice('status', `Agent #${s.id} (${s.remoteAddress}:${s.remotePort}) left: ${reason}.`, s.id, { key: 'agentLeft', params: { id: s.id, remote: `${s.remoteAddress}:${s.remotePort}`, reason } });
    this.emit('sessions:changed', this.sessionList());
  }

  private flushTick(): void {
    for (const [session, hidden] of this.uiBudget.takeHidden()) {
      this.log.notice('error', `${hidden.toLocaleString('en-US')} messages from agent #${session} were not shown (over ${this.uiBudget.ratePerSec.toLocaleString('en-US')} a second); the session log has every one.`, session, { key: 'hiddenOverBudget', params: { n: hidden, id: session, rate: this.uiBudget.ratePerSec } });
    }
    this.proxy.tick();
    const batch = this.log.takeBatch();
    if (batch) this.emit('log:batch', batch);
    /* Message counts change with every message; four updates a second are plenty. */
    const now = Date.now();
    if ((this.audioDirty || this.audio.streaming) && now - this.audioSentAt >= 100) {
      this.audioDirty = false;
      this.audioSentAt = now;
      this.emit('audio:status', this.audio.status());
    }
    if (this.sceneDirty) {
      this.sceneDirty = false;
      this.emit('scene:changed', this.scene.snapshot());
    }
    if (this.sessionsDirty && now - this.sessionsSentAt >= 250) {
      this.sessionsDirty = false;
      this.sessionsSentAt = now;
      this.emit('sessions:changed', this.sessionList());
    }
  }
}
