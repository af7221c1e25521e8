/**
 * Proxy mode: each agent gets an UpstreamLink to the dialogue server. Frames are forwarded
 * first and logged beside; the panel's own frames to an agent wait until the dialogue
 * server's byte stream stands between two items, so the two never interleave mid-line.
 */
import type { ChangeResult, SendResult, UpstreamInfo } from '../../common/agents.js';
import type { ReasonCode } from '../../common/problems.js';
import { AgentInputReader, type AgentInput } from './agent-input.js';
import { assertNever } from '../../common/assert-never.js';
import type { MessageLog } from './message-log.js';
import { DownAudio } from './down-audio.js';
import { singleLine } from './protocol.js';
import { MAX_DOWN_FRAME, UpstreamLink, type UpstreamOptions } from './upstream.js';

export interface ProxyHost {
  /** The one guarded send to an agent. */
  sendToAgent(agentId: number, data: string | Buffer, binary: boolean): boolean;
  log: MessageLog;
  /** Whether a line from the dialogue server may go to the UI (the agent's UI budget). */
  uiAllowed(agentId: number): boolean;
  /** `__AV_*` lines the dialogue server sent, so the panel's own audio preamble stays true. */
  agentControl(agentId: number, line: string): void;
  changed(): void;
}

/** An audio stream from the dialogue server ends with SNDBRKS, or after this long without packets. */
/** The panel's own frames waiting for a boundary in the dialogue server's stream. */
const MAX_WAITING = 4000;
/** How long the panel's own frames wait for the dialogue server to finish an item. */
const STALL_MS = 2000;

interface Link {
  upstream: UpstreamLink;
  reader: AgentInputReader;
  audio: DownAudio;
  avStarted: boolean;
  waiting: { data: string | Buffer; binary: boolean }[];
  waitingSince: number;
  recutNoted: boolean;
  downSince?: number;
  missedAtLoss: number;
}

export class AgentProxy {
  private readonly links = new Map<number, Link>();
  private url: string | null = null;

  constructor(
    private readonly host: ProxyHost,
    private readonly options: UpstreamOptions = {},
  ) {}

  get enabled(): boolean {
    return this.url !== null;
  }

  /**
   * Null turns proxying off. Links to the old URL close (the dialogue server sees the agent
   * leave); the agents stay, so each gets the reset a reconnect would give it, and new links open.
   */
  configure(url: string | null, connected: number[]): void {
    if (url === this.url) return;
    this.url = url;
    for (const [agentId, link] of [...this.links]) {
      this.resetAgentStream(agentId, link);
      this.agentClosed(agentId);
    }
    if (url) for (const agentId of connected) this.agentOpened(agentId);
  }

  info(agentId: number): UpstreamInfo | undefined {
    const link = this.links.get(agentId);
    return link ? { ...link.upstream.info } : undefined;
  }

  has(agentId: number): boolean {
    return this.links.has(agentId);
  }

  agentOpened(agentId: number): void {
    if (!this.url || this.links.has(agentId)) return;
    const { log } = this.host;
    const url = this.url;
    const link: Link = {
      reader: new AgentInputReader(),
      audio: new DownAudio(),
      avStarted: false,
      waiting: [],
      waitingSince: 0,
      recutNoted: false,
      missedAtLoss: 0,
      upstream: new UpstreamLink(
        url,
        {
          toAgent: (data, binary) => this.fromServer(agentId, link, data, binary),
          opened: (first) => {
            const missed = link.upstream.info.notForwarded - link.missedAtLoss;
            const seconds = link.downSince === undefined ? '0.0' : ((Date.now() - link.downSince) / 1000).toFixed(1);
            delete link.downSince;
            log.notice(
              'status',
              first
                ? { key: 'upstreamConnected', params: { agentId, url } }
                : { key: 'upstreamReconnected', params: { agentId, seconds, missed } },
              agentId,
            );
          },
          lost: (why) => {
            link.downSince = Date.now();
            link.missedAtLoss = link.upstream.info.notForwarded;
            log.notice('error', { key: 'upstreamDown', params: { agentId, ...why } }, agentId);
            this.resetAgentStream(agentId, link);
          },
          gaveUp: (frames, seconds) => {
            const reason = 'holdTimeout' satisfies ReasonCode;
            if (frames > 0)
              log.notice('error', { key: 'upstreamHoldDropped', params: { n: frames, reason, seconds } }, agentId);
            else log.notice('error', { key: 'upstreamUnreachable', params: { url, reason, seconds } }, agentId);
          },
          recut: (bytes, pieces) => {
            if (link.recutNoted) return;
            link.recutNoted = true;
            log.notice('status', { key: 'upstreamRecut', params: { bytes, pieces } }, agentId);
          },
          changed: () => this.host.changed(),
        },
        this.options,
      ),
    };
    this.links.set(agentId, link);
  }

  /** A frame from the agent; null when it is not proxied. */
  /**
   * A frame from the agent, forwarded (or held) unless it is the echo of the panel's own line:
   * that echo confirms the line to the panel, its sender; the dialogue server never sent it.
   * Returns false only when the frame should have reached the dialogue server and did not.
   */
  fromAgent(agentId: number, data: Buffer, binary: boolean): boolean {
    const link = this.links.get(agentId);
    if (!link) return true;
    const line = binary || !this.host.log.awaitsEcho(agentId) ? null : singleLine(data);
    if (line !== null && this.host.log.isPanelEcho(agentId, line)) return true;
    return link.upstream.forward(data, binary) !== 'not-forwarded';
  }

  agentClosed(agentId: number): void {
    const link = this.links.get(agentId);
    if (!link) return;
    this.endAudio(agentId, link, 'agentLeft');
    link.upstream.close();
    this.links.delete(agentId);
  }

  /** Checked lines to these agents' dialogue server, as if each agent had sent them; all links must be up. */
  sendToServer(agentIds: number[], lines: string[]): SendResult {
    if (!this.enabled) return { ok: false, problem: { key: 'proxyOff' } };
    const down = agentIds.filter((agentId) => !this.links.get(agentId)?.upstream.isOpen);
    if (down.length > 0) return { ok: false, problem: { key: 'upstreamDown', agentIds: down } };
    for (const agentId of agentIds) {
      const { upstream } = this.links.get(agentId)!;
      for (const line of lines) if (upstream.sendLine(line)) this.host.log.toServer(agentId, line);
    }
    return { ok: true, lines: lines.length, agents: agentIds.length };
  }

  /** The panel's own frame to an agent; held while the dialogue server is mid-item. */
  toAgent(agentId: number, data: string | Buffer, binary: boolean): boolean {
    const link = this.links.get(agentId);
    if (!link || (link.reader.atBoundary && link.waiting.length === 0))
      return this.host.sendToAgent(agentId, data, binary);
    if (link.waiting.length >= MAX_WAITING) return false;
    if (link.waiting.length === 0) link.waitingSince = Date.now();
    link.waiting.push({ data, binary });
    return true;
  }

  /** "Retry now" for dialogue-server links waiting out their backoff. */
  retry(agentIds: number[]): ChangeResult {
    if (!this.enabled) return { ok: false, problem: { key: 'proxyOff' } };
    let n = 0;
    for (const agentId of agentIds) if (this.links.get(agentId)?.upstream.retryNow()) n++;
    return n > 0 ? { ok: true } : { ok: false, problem: { key: 'nothingToRetry' } };
  }

  /** Whether a link has a timed duty: an audio stream that may go idle, or held messages that may stall. */
  get busy(): boolean {
    for (const link of this.links.values()) if (link.audio.active || link.waiting.length > 0) return true;
    return false;
  }

  /** Ends audio summaries whose packets stopped coming. */
  tick(now = Date.now()): void {
    for (const [agentId, link] of this.links) {
      if (link.audio.idle(now)) this.endAudio(agentId, link, 'streamIdle');
      /* A dialogue server that leaves an item unfinished must not hold the panel's own messages forever. */
      if (link.waiting.length > 0 && now - link.waitingSince > STALL_MS) {
        const tail = link.reader.completion();
        if (tail && tail.length > 0) this.sendCut(agentId, tail);
        this.host.log.notice(
          'error',
          {
            key: 'upstreamStalled',
            params: { seconds: STALL_MS / 1000, bytes: tail?.length ?? 0, waiting: link.waiting.length },
          },
          agentId,
        );
        this.flushWaiting(agentId, link);
      }
    }
  }

  closeAll(): void {
    for (const agentId of [...this.links.keys()]) this.agentClosed(agentId);
  }

  private fromServer(agentId: number, link: Link, data: Buffer, binary: boolean): void {
    this.host.sendToAgent(agentId, data, binary);
    for (const item of link.reader.push(data)) this.observe(agentId, link, item);
    if (link.reader.atBoundary) this.flushWaiting(agentId, link);
  }

  private observe(agentId: number, link: Link, item: AgentInput): void {
    const { audio } = link;
    switch (item.kind) {
      case 'line':
        if (item.text.startsWith('__AV')) {
          if (item.text === '__AV_START') link.avStarted = true;
          else if (item.text === '__AV_END') link.avStarted = false;
          this.host.agentControl(agentId, item.text);
        }
        this.host.log.outgoing(agentId, item.text, 'down', this.host.uiAllowed(agentId));
        return;
      case 'mode':
        if (item.tag === 'SNDBRKS') return this.endAudio(agentId, link, 'streamBreak');
        audio.mode = item.tag;
        return;
      case 'audio': {
        const started = audio.packet(item.bytes, Date.now());
        if (started) this.host.log.downAudio(agentId, started);
        return;
      }
      default:
        return assertNever(item);
    }
  }

  private endAudio(agentId: number, link: Link, reason: ReasonCode): void {
    const ended = link.audio.end(reason);
    if (ended) this.host.log.downAudio(agentId, ended);
  }

  /**
   * The dialogue server vanished, but the agent did not reconnect, so the panel does what a
   * reconnect would: finish a half-sent item harmlessly, end audio, and end avatar control.
   */
  private resetAgentStream(agentId: number, link: Link): void {
    const sent: string[] = [];
    const tail = link.reader.completion();
    const bytes = tail?.length ?? 0;
    if (tail && bytes > 0) this.sendCut(agentId, tail);
    if (link.audio.active) {
      this.host.sendToAgent(agentId, 'SNDBRKS\n', false);
      sent.push('SNDBRKS');
      this.endAudio(agentId, link, 'serverLeft');
    }
    if (link.avStarted) {
      this.host.sendToAgent(agentId, '__AV_END\n', false);
      this.host.agentControl(agentId, '__AV_END');
      link.avStarted = false;
      sent.push('__AV_END');
    }
    if (bytes > 0 || sent.length > 0)
      this.host.log.notice(
        'status',
        { key: 'agentAudioReset', params: { bytes, sent: sent.join(', ') || '—' } },
        agentId,
      );
    this.flushWaiting(agentId, link);
  }

  /** Bytes of the panel's own (a completion can be a packet's worth, up to 9,999) in frames the agent's buffer takes. */
  private sendCut(agentId: number, data: Buffer): void {
    for (let at = 0; at < data.length; at += MAX_DOWN_FRAME)
      this.host.sendToAgent(agentId, data.subarray(at, at + MAX_DOWN_FRAME), true);
  }

  private flushWaiting(agentId: number, link: Link): void {
    while (link.waiting.length > 0 && link.reader.atBoundary) {
      const f = link.waiting.shift()!;
      this.host.sendToAgent(agentId, f.data, f.binary);
    }
  }
}
