/**
 * The heart of the app: composes the agent server, the message log, proxying, audio and
 * settings, and is the one object both adapters (Electron IPC, browser bridge) talk to. The
 * rules live beside it: what agents do in `agent-feed`, sending in `outbox`, settings changes in
 * `settings-apply`, the pace of UI updates in `ui-updates` and `ui-tick`.
 */
import { join } from 'node:path';
import type {
  ChangeResult,
  PeriodicRequest,
  PeriodicStart,
  SendResult,
  SendTo,
  ServerStatus,
  SessionInfo,
  Target,
} from '../../common/agents.js';
import type { MicChunk, StreamFileRequest, StreamResult } from '../../common/audio.js';
import type { EventMap, Snapshot } from '../../common/contract.js';
import type { Settings } from '../../common/settings.js';
import { agentFeed } from './agent-feed.js';
import { AgentReports } from './agent-reports.js';
import { AgentServer, type AgentServerOptions } from './agent-server.js';
import type { PacerOptions } from './audio-packets.js';
import { AudioStreamer } from './audio-stream.js';
import { Emitter } from './emitter.js';
import { JsonlWriter } from './log-writer.js';
import { MessageLog } from './message-log.js';
import { Outbox } from './outbox.js';
import { sessionLogName } from './paths.js';
import { PeriodicSender } from './periodic.js';
import { AgentProxy } from './proxy.js';
import { SceneTracker } from './scene.js';
import { SettingsApplier } from './settings-apply.js';
import { KeyVault, type Sealer } from './speech/key-vault.js';
import { warmResampler } from './speech/resample.js';
import { Speaker } from './speech/speaker.js';
import { platformOf } from './speech/system-voice.js';
import { upstreamUrl } from '../../common/settings-rules.js';
import { SettingsStore } from './settings.js';
import { UiBudget } from './ui-budget.js';
import { UiTick } from './ui-tick.js';
import { UiUpdates } from './ui-updates.js';
import type { UpstreamOptions } from './upstream.js';

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
  /**
   * UI batch tick, ms (default 4), while there is traffic; at rest there is no tick (see ui-tick).
   * The page redraws at its own pace, so batches more often than frames cost it little.
   */
  tickMs?: number;
  upstream?: UpstreamOptions;
  host: Snapshot['host'];
  /** How the OpenAI-compatible key is sealed: safeStorage in the desktop app, the 0600 file otherwise. */
  sealer?: Sealer;
}

/** What the panel emits: the contract's events. */
export type PanelEvents = EventMap;

export class Panel extends Emitter<PanelEvents> {
  private readonly log: MessageLog;
  private readonly server: AgentServer;
  private readonly writer: JsonlWriter | null;
  private readonly audio: AudioStreamer;
  private readonly scene = new SceneTracker();
  private readonly reports = new AgentReports();
  private readonly proxy: AgentProxy;
  private readonly periodic: PeriodicSender;
  private readonly outbox: Outbox;
  private readonly ui: UiUpdates;
  private readonly applier: SettingsApplier;
  /** What one agent may put in the UI per second; the rest goes to disk only, with a marker. */
  private readonly uiBudget: UiBudget;
  private readonly settingsStore: SettingsStore;
  private readonly overrides: Partial<Settings>;
  /** Say it: text to speech, and the write-only engine key. */
  readonly speech: Speaker;
  readonly keys: KeyVault;
  private readonly tick: UiTick;

  constructor(private readonly options: PanelOptions) {
    super();
    this.settingsStore = new SettingsStore(options.dataDir ? join(options.dataDir, 'settings.json') : null);
    this.overrides = { ...options.overrides };
    const logDir = options.logDir ?? (options.dataDir ? join(options.dataDir, 'logs') : null);
    this.writer = logDir
      ? new JsonlWriter(join(logDir, sessionLogName()), {
          onError: (e) => this.log.notice('error', { key: 'logWriteFailed', params: { error: e.message } }),
        })
      : null;
    this.tick = new UiTick(() => this.flushTick(), options.tickMs ?? 4);
    this.log = new MessageLog({
      sink: this.writer,
      echoTimeoutMs: this.settings().echoTimeoutSec * 1000,
      changed: () => this.tick.wake(),
    });
    this.uiBudget = new UiBudget(options.uiRatePerSec ?? 50_000);
    this.ui = new UiUpdates(
      {
        sessions: () => this.sessionList(),
        audio: () => this.audio.status(),
        audioStreaming: () => this.audio.streaming,
        scene: () => this.scene.snapshot(),
      },
      (event, payload) => this.emit(event, payload as never),
      Date.now,
      () => this.tick.wake(),
    );
    this.server = new AgentServer(
      agentFeed({
        log: this.log,
        uiBudget: this.uiBudget,
        reports: this.reports,
        scene: this.scene,
        ui: this.ui,
        proxy: () => this.proxy,
        audio: () => this.audio,
        speech: () => this.speech,
      }),
      options.server,
    );
    this.proxy = new AgentProxy(
      {
        sendToAgent: (id, data, binary) => this.server.send(id, data, binary),
        log: this.log,
        uiAllowed: (id) => this.uiBudget.take(id),
        agentControl: (id, line) => this.audio.noteControl(id, line),
        changed: () => this.ui.sessionsChanged(),
      },
      options.upstream,
    );
    this.outbox = new Outbox({
      server: this.server,
      proxy: this.proxy,
      log: this.log,
      audio: () => this.audio,
      sent: () => this.ui.sessionsChanged(),
    });
    this.audio = new AudioStreamer(
      {
        sendBytes: (id, bytes) =>
          this.proxy.toAgent(id, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), true),
        control: (id, line) => this.outbox.sendLine(id, line),
        notice: (msg, id, kind = 'status') => this.log.notice(kind, msg, id),
        changed: () => this.ui.audioChanged(),
      },
      options.pacer,
    );
    this.keys = new KeyVault(this.settingsStore, options.sealer);
    this.speech = new Speaker({
      audio: this.audio,
      speech: () => this.settings().speech,
      agentProblem: (id) => this.outbox.targetProblem(id),
      sendLine: (id, line) => this.outbox.sendLine(id, line),
      notice: (msg, id, kind) => this.log.notice(kind, msg, id),
      apiKey: () => this.keys.get(),
      speaking: (id, alias) => this.scene.snapshot()[id]?.speaking.includes(alias) ?? false,
      platform: platformOf(process.platform),
    });
    this.periodic = new PeriodicSender(
      (req) => this.outbox.send(req.target, req.text, req.to),
      () => this.emit('periodic:changed', this.periodic.list()),
    );
    this.applier = new SettingsApplier({
      current: () => this.settings(),
      bound: () => this.server.currentStatus,
      agents: () => this.server.count(),
      commit: (patch) => {
        for (const key of Object.keys(patch) as (keyof Settings)[]) delete this.overrides[key];
        this.settingsStore.update(patch);
        return this.settings();
      },
      applied: (settings) => this.follow(settings),
      restartListener: async () => {
        this.speech.stopAll();
        this.audio.stopAll();
        await this.server.stop();
        await this.listen();
      },
    });
    this.follow(this.settings(), false);
    if (this.settingsStore.recovery) this.log.notice('error', this.settingsStore.recovery);
  }

  /** Whether the UI tick runs: it rests while nothing waits for a UI. */
  get ticking(): boolean {
    return this.tick.ticking;
  }

  settings(): Settings {
    return { ...this.settingsStore.get(), ...this.overrides };
  }

  async start(): Promise<void> {
    await this.listen();
    this.tick.start();
    warmResampler();
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

  /** Where the listener is (the real port, even when 0 was asked for), or why it is not. */
  status(): ServerStatus {
    return this.server.currentStatus;
  }

  agentCount(): number {
    return this.server.count();
  }

  /** This run's session log file, or null when logs are not kept. */
  get logFile(): string | null {
    return this.writer?.path ?? null;
  }

  /** Writes what the session log holds in memory now (tests and quit). */
  flushLog(): void {
    this.writer?.flush();
  }

  get proxying(): boolean {
    return this.proxy.enabled;
  }

  /** Sessions with their dialogue-server link, when proxying. */
  sessionList(): SessionInfo[] {
    return this.server.list().map((s) => {
      const upstream = this.proxy.info(s.id);
      const info = this.reports.decorate(s);
      return upstream ? { ...info, upstream } : info;
    });
  }

  send(target: Target, text: string, to: SendTo = 'agent'): SendResult {
    return this.outbox.send(target, text, to);
  }

  /** "Retry now" for dialogue-server links waiting out their backoff. */
  retryUpstream(target: Target): ChangeResult {
    if (!this.proxy.enabled) return { ok: false, problem: { key: 'proxyOff' } };
    const n = this.proxy.retry(this.outbox.targetIds(target));
    return n > 0 ? { ok: true } : { ok: false, problem: { key: 'nothingToRetry' } };
  }

  startPeriodic(req: PeriodicRequest): PeriodicStart {
    return this.periodic.start(req);
  }

  stopPeriodic(id: number): ChangeResult {
    return this.periodic.stop(id) ? { ok: true } : { ok: false, problem: { key: 'periodicNotRunning' } };
  }

  streamFile(req: StreamFileRequest): StreamResult {
    return this.outbox.forAgent(req.target, () => this.audio.streamFile(req.target, req));
  }

  stopAudio(target: number): StreamResult {
    return this.outbox.forAgent(target, () => this.audio.stop(target));
  }

  micStart(target: number, alias: string): StreamResult {
    return this.outbox.forAgent(target, () => this.audio.micStart(target, alias));
  }

  micStop(target: number): StreamResult {
    return this.audio.micStop(target);
  }

  micChunk(chunk: MicChunk): void {
    this.audio.micChunk(chunk.target, chunk.pcm, chunk.capturedAt);
  }

  /** Changing where the panel listens restarts the listener; with agents connected it needs `confirm`. */
  updateSettings(patch: Partial<Settings>, confirm = false): Promise<ChangeResult> {
    return this.applier.update(patch, confirm);
  }

  disconnect(id: number, confirm = false): ChangeResult {
    if (!this.server.has(id)) return { ok: false, problem: { key: 'agentGone', id } };
    if (!confirm) return { ok: false, needsConfirm: true, agents: 1, reason: 'disconnect' };
    this.server.closeSession(id, { reason: 'operator' });
    return { ok: true };
  }

  /** Quit: close agents with empty close frames and flush the log to disk. */
  async shutdown(): Promise<void> {
    this.tick.stop();
    this.speech.stopAll();
    this.audio.stopAll();
    this.periodic.stopAll();
    this.proxy.closeAll();
    await this.server.stop();
    this.flushTick();
    this.writer?.close();
  }

  /** Everything that follows the settings takes their values now. */
  private follow(settings: Settings, announce = true): void {
    this.log.echoTimeoutMs = settings.echoTimeoutSec * 1000;
    this.server.setAllowedOrigins(settings.allowedOrigins);
    this.audio.maxDurationSec = settings.audioMaxSec;
    this.proxy.configure(
      upstreamUrl(settings),
      this.server.list().map((s) => s.id),
    );
    if (!announce) return;
    this.ui.sessionsChanged();
    this.emit('settings:changed', settings);
  }

  private async listen(): Promise<void> {
    const status = await this.server.start(this.settings());
    if (status.state === 'listening') this.log.notice('status', { key: 'listening', params: { url: status.url } });
    else if (status.error)
      this.log.notice('error', {
        key: 'notListening',
        params: { host: status.error.host, port: status.error.port, code: status.error.code },
      });
    this.emit('server:status', status);
  }

  /** One tick's work; true while more is to come (a batch just went, or a timed duty waits). */
  private flushTick(): boolean {
    for (const [session, hidden] of this.uiBudget.takeHidden()) {
      this.log.notice(
        'error',
        { key: 'hiddenOverBudget', params: { n: hidden, id: session, rate: this.uiBudget.ratePerSec } },
        session,
      );
    }
    this.proxy.tick();
    const batch = this.log.takeBatch();
    if (batch) this.emit('log:batch', batch);
    this.ui.flush();
    return batch !== null || this.log.awaitingEchoes || this.uiBudget.hiding || this.proxy.busy || this.ui.pending;
  }
}
