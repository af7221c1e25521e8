/**
 * The composition root of the core: it builds the services in dependency order, wires what they
 * tell each other, and is what both adapters (Electron IPC, browser bridge) hold. Requests go to
 * the service that answers them (`requests.ts`); the rules live in the services themselves: what
 * agents do in `agent-feed`, sending in `outbox`, settings changes in `settings-apply`, the pace of
 * UI updates in `ui-updates` and `ui-tick`.
 */
import { join } from 'node:path';
import type { AgentAlert, AgentInfo, StopEverythingResult } from '../../common/agents.js';
import type { Reason } from '../../common/problems.js';
import type { EventMap, Snapshot } from '../../common/contract.js';
import { upstreamUrl } from '../../common/settings-rules.js';
import type { Settings } from '../../common/settings.js';
import { agentFeed } from './agent-feed.js';
import { AlertList, agentAlert } from './alert-list.js';
import { AgentNames } from './agent-names.js';
import { AgentReports } from './agent-reports.js';
import { AgentServer } from './agent-server.js';
import { AudioStreamer } from './audio-stream.js';
import { AvatarControl } from './avatar-control.js';
import { AvatarDriver } from './avatar-driver.js';
import { Emitter } from './emitter.js';
import { JsonlWriter } from './log-writer.js';
import { MessageLog } from './message-log.js';
import { Outbox } from './outbox.js';
import { sessionLogName } from './paths.js';
import { PeriodicSender } from './periodic.js';
import { AgentProxy } from './proxy.js';
import { SceneTracker } from './scene.js';
import { SettingsApplier } from './settings-apply.js';
import { SettingsStore } from './settings.js';
import { stopEverything } from './stop-everything.js';
import { KeyVault } from './speech/key-vault.js';
import { warmResampler } from './speech/resample.js';
import { Speaker } from './speech/speaker.js';
import { platformOf } from './speech/system-voice.js';
import { UiBudget } from './ui-budget.js';
import { UiTick } from './ui-tick.js';
import { UiUpdates, type UiSources } from './ui-updates.js';
import type { PanelOptions } from './panel-options.js';

export type { PanelOptions };

/** What the panel emits: the contract's events. */
export type PanelEvents = EventMap;

export class Panel extends Emitter<PanelEvents> {
  readonly settingsStore: SettingsStore;
  /** The OpenAI-compatible key, write-only. */
  readonly keys: KeyVault;
  readonly tick: UiTick;
  readonly log: MessageLog;
  /** The WebSocket server MMDAgent-EX connects to. */
  readonly server: AgentServer;
  readonly proxy: AgentProxy;
  readonly outbox: Outbox;
  readonly audio: AudioStreamer;
  /** Say it: text to speech, streamed to the agent. */
  readonly speech: Speaker;
  readonly periodic: PeriodicSender;
  readonly settingsApplier: SettingsApplier;
  /** The operator's names for agents, by path. */
  readonly names: AgentNames;
  /** Actions and the face of each agent's avatar. */
  readonly faces: AvatarDriver;
  private readonly overrides: Partial<Settings>;
  private readonly writer: JsonlWriter | null;
  /** What one agent may put in the UI per second; the rest goes to disk only, with a marker. */
  private readonly uiBudget: UiBudget;
  private readonly ui: UiUpdates;
  private readonly uiSources: UiSources;
  private readonly scene = new SceneTracker();
  private readonly reports = new AgentReports();
  private readonly avatar = new AvatarControl();
  /** Alerts about agents no UI has dismissed yet. */
  readonly alerts = new AlertList();

  constructor(private readonly options: PanelOptions) {
    super();
    this.overrides = { ...options.overrides };
    this.settingsStore = new SettingsStore(options.dataDir ? join(options.dataDir, 'settings.json') : null);
    this.keys = new KeyVault(this.settingsStore, options.sealer);
    const settings = this.settings();

    this.tick = new UiTick(() => this.flushTick(), options.tickMs ?? 4);
    const wake = (): void => this.tick.wake();
    const logDir = options.logDir ?? (options.dataDir ? join(options.dataDir, 'logs') : null);
    this.writer = logDir ? new JsonlWriter(join(logDir, sessionLogName())) : null;
    this.log = new MessageLog({ sink: this.writer, echoTimeoutMs: settings.echoTimeoutSec * 1000, changed: wake });
    this.uiBudget = new UiBudget(options.uiRatePerSec ?? 50_000);
    this.ui = new UiUpdates((event, payload) => this.emit(event, payload as never), Date.now, wake);

    const { log, ui, avatar, uiBudget } = this;
    const server = (this.server = new AgentServer(options.server));
    const proxy = (this.proxy = new AgentProxy(
      {
        sendToAgent: (agentId, data, binary) => server.send(agentId, data, binary),
        log,
        uiAllowed: (agentId) => uiBudget.take(agentId),
        agentControl: (agentId, line) => avatar.note(agentId, line),
        changed: () => ui.agentsChanged(),
      },
      options.upstream,
    ));
    const outbox = (this.outbox = new Outbox({ server, proxy, log, avatar, sent: () => ui.agentsChanged() }));
    const audio = (this.audio = new AudioStreamer(
      {
        has: (agentId) => server.has(agentId),
        sendBytes: (agentId, bytes) =>
          proxy.toAgent(agentId, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), true),
        control: (agentId, line) => outbox.sendLine(agentId, line),
        notice: (msg, agentId, kind = 'status') => log.notice(kind, msg, agentId),
        changed: () => ui.audioChanged(),
      },
      avatar,
      options.pacer,
    ));
    const { scene, keys } = this;
    const speech = (this.speech = new Speaker({
      audio,
      speech: () => this.settings().speech,
      agentProblem: (agentId) => outbox.targetProblem(agentId),
      sendLine: (agentId, line) => outbox.sendLine(agentId, line),
      notice: (msg, agentId, kind) => log.notice(kind, msg, agentId),
      apiKey: () => keys.get(),
      speaking: (agentId, alias) => scene.snapshot()[agentId]?.speaking.includes(alias) ?? false,
      platform: platformOf(process.platform),
    }));
    const faces = (this.faces = new AvatarDriver(
      {
        targetProblem: (agentId) => outbox.targetProblem(agentId),
        sendLine: (agentId, line) => outbox.sendLine(agentId, line),
        resend: (agentId, line) => outbox.resend(agentId, line),
        transitionSec: () => this.settings().faceTransitionSec,
        changed: () => this.emit('avatar:faces', faces.snapshot()),
      },
      avatar,
    ));
    const periodic = (this.periodic = new PeriodicSender(
      (req) => outbox.send(req.target, req.text, req.to),
      () => this.emit('periodic:changed', periodic.list()),
    ));
    const names = (this.names = new AgentNames({
      names: () => this.settings().agentNames,
      save: (agentNames) => {
        this.settingsStore.update({ agentNames });
        this.emit('settings:changed', this.settings());
      },
      pathOf: (agentId) => server.info(agentId)?.path,
      listeningPath: () => server.currentStatus.path,
      changed: () => ui.agentsNow(),
    }));
    this.settingsApplier = new SettingsApplier({
      current: () => this.settings(),
      bound: () => server.currentStatus,
      agents: () => server.count(),
      commit: (patch) => {
        for (const key of Object.keys(patch) as (keyof Settings)[]) delete this.overrides[key];
        this.settingsStore.update(patch);
        return this.settings();
      },
      applied: (next) => this.follow(next),
      probe: (next) => server.probe(next),
      restartListener: async () => {
        speech.stopAll();
        audio.stopAll();
        await server.stop();
        await this.listen();
      },
    });

    const alert = (info: AgentInfo, kind: AgentAlert['kind'], reason?: Reason): void => {
      const { name } = names.decorate(info);
      if (kind === 'left') names.forget(info.agentId);
      const raised = agentAlert(info.agentId, kind, name, reason);
      this.alerts.raise(raised);
      this.emit('agent:alert', raised);
    };
    server.attach(
      agentFeed({ log, uiBudget, reports: this.reports, scene, ui, proxy, audio, avatar, faces, speech, alert }),
    );
    this.uiSources = {
      agents: () => this.agentList(),
      audio: () => audio.status(),
      audioStreaming: () => audio.streaming,
      scene: () => scene.snapshot(),
    };
    this.follow(settings, false);
    if (this.settingsStore.recovery) log.notice('error', this.settingsStore.recovery);
  }

  /** The stored settings with this run's command-line overrides on top. */
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
      agents: this.agentList(),
      recent: this.log.recent(),
      logFile: this.writer?.path ?? '',
      host: this.options.host,
      audio: this.audio.status(),
      scene: this.scene.snapshot(),
      periodic: this.periodic.list(),
      alerts: this.alerts.list(),
      faces: this.faces.snapshot(),
    };
  }

  /** This run's session log file, or null when logs are not kept. */
  get logFile(): string | null {
    return this.writer?.path ?? null;
  }

  /** Writes what the session log holds in memory now (tests and quit). */
  flushLog(): void {
    this.writer?.flush();
  }

  /** Stop everything: every agent's streams, syntheses and voices (the renderer ends its sequences). */
  stopEverything(): StopEverythingResult {
    const models = this.scene.snapshot();
    const result = stopEverything({
      stopSyntheses: () => this.speech.stopAll(),
      stopStreams: () => this.audio.stopAll('operatorStop'),
      agents: () => this.server.list().map((s) => s.agentId),
      /* The configured alias too: the panel may have missed the start-up that loaded it. */
      aliases: (agentId) => [...new Set([...(models[agentId]?.models ?? []), this.settings().modelAlias])],
      sendLine: (agentId, line) => this.outbox.sendLine(agentId, line),
      notice: (msg) => this.log.notice('status', msg),
    });
    this.emit('panel:stopped', result);
    return result;
  }

  /** The connected agents, with what their own log reported, their names and their dialogue-server link. */
  agentList(): AgentInfo[] {
    return this.server.list().map((s) => {
      const upstream = this.proxy.info(s.agentId);
      const info = this.names.decorate(this.reports.decorate(s));
      return upstream ? { ...info, upstream } : info;
    });
  }

  /** Quit: close agents with empty close frames and flush the log to disk. */
  async shutdown(): Promise<void> {
    this.tick.stop();
    this.speech.stopAll();
    this.audio.stopAll();
    this.periodic.stopAll();
    this.faces.dispose();
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
      this.server.list().map((s) => s.agentId),
    );
    if (!announce) return;
    this.ui.agentsChanged();
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
    for (const [agentId, hidden] of this.uiBudget.takeHidden()) {
      const params = { n: hidden, agentId, rate: this.uiBudget.ratePerSec };
      this.log.notice('error', { key: 'hiddenOverBudget', params }, agentId);
    }
    this.proxy.tick();
    const batch = this.log.takeBatch();
    if (batch) this.emit('log:batch', batch);
    this.ui.flush(this.uiSources);
    return (
      batch !== null ||
      this.log.awaitingEchoes ||
      this.uiBudget.hiding ||
      this.proxy.busy ||
      this.ui.pending(this.uiSources)
    );
  }
}
