/**
 * A fake MMDAgent-EX that behaves as docs/protocol.md says the real
 * one does: IPv4 only, the X-App-Type header and nothing else, one text frame per
 * message, the 8192-byte receive buffer and its parser (the S-hold rule, SND
 * packets, newline framing), echoes of injected lines one rendered frame later,
 * sent only after 10 ms without input, and death when its connection closes.
 */
import WebSocket from 'ws';
import { FakeAvatar, type FakeAvatarOptions } from './fake-avatar.js';
import { waitUntil } from './wait.js';

export const AGENT_BUFFER = 8192;
const AUDIO_CAP = 16000 * 2 * 60;

export interface FakeAgentOptions {
  /** Delay before an injected line is echoed (one rendered frame; 150–200 ms on the real one at 7 fps). */
  frameMs?: number;
  /** What happens when the connection ends: the released program dies; a repaired build reconnects. */
  onDrop?: 'exit' | 'reconnect';
  /** Answer pings (the real one always does); false simulates a frozen agent. */
  answerPings?: boolean;
  /** Lines sent the instant the connection opens (the start-up burst). */
  startup?: string[];
  /**
   * `Plugin_Remote_AllLog=true`: send the whole log instead of bare messages. Each message is a
   * `Sent` line with a `Captured` receipt; injected lines come back as `Remote: Sent:` and
   * `MMDAgent: Captured:`; a motion file named `nope…` is missing (an `Error` line).
   */
  allLog?: boolean;
  /** The model's `.shapemap` actions and how the avatar behaves. */
  avatar?: FakeAvatarOptions;
  /**
   * How long a `SYNTH_START` speaks: the real one answers `SYNTH_EVENT_START|<alias>` 0.1 s after it
   * and `SYNTH_EVENT_STOP|<alias>` when the line is said (1.0 s for こんにちは).
   */
  synthMs?: number;
}

export type AudioMode = 'SNDSTRM' | 'SNDFILE';

export class FakeAgent {
  /** Text lines parsed from what the panel sent, in order (control lines included). */
  readonly received: string[] = [];
  /** When each of `received` arrived (performance.now(), ms). */
  readonly receivedAt: number[] = [];
  /** Raw frames as received, for byte-exact assertions. */
  readonly frames: Buffer[] = [];
  /** Heartbeat pings from the panel, answered or not: time passing, as the panel sees it. */
  pings = 0;
  /** Mode switches and segment ends, in order with audio: 'SNDFILE', 'SNDBRKS', … */
  readonly audioEvents: string[] = [];
  /** Payload sizes of every SND packet. */
  readonly packetSizes: number[] = [];
  /** Monotonic arrival time (ms) of every SND packet. */
  readonly packetTimes: number[] = [];
  audio: Buffer = Buffer.alloc(0);
  /** Audio bytes dropped because the 60 s buffer was full. */
  audioDropped = 0;
  /** 137 once the "process" died because its connection closed (as the released program does). */
  exitCode: number | null = null;
  /** Why the connection ended, when it did. */
  dropReason: string | null = null;
  connections = 0;
  avatarStarted = false;
  model: string | null = null;
  mode: AudioMode = 'SNDSTRM';
  /** Its avatar: actions played, morphs bound, avatar morphs held. */
  readonly avatar: FakeAvatar;

  private ws!: WebSocket;
  private buffer = Buffer.alloc(0);
  private outbox: { line: string; due: number; injected: boolean }[] = [];
  private readonly born = Date.now();
  private lastInput = 0;
  private pump: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly opts: Required<FakeAgentOptions>;

  private constructor(
    readonly url: string,
    options: FakeAgentOptions,
  ) {
    this.opts = {
      frameMs: 20,
      onDrop: 'exit',
      answerPings: true,
      startup: [],
      allLog: false,
      avatar: {},
      synthMs: 1000,
      ...options,
    };
    this.avatar = new FakeAvatar(this.opts.avatar);
  }

  static async connect(url: string, options: FakeAgentOptions = {}): Promise<FakeAgent> {
    const agent = new FakeAgent(url, options);
    await agent.open();
    return agent;
  }

  get open_(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** A module inside MMDAgent-EX emitted a message: one text frame `TYPE|args\n` (or its log lines, with allLog). */
  emit(message: string): void {
    if (!this.opts.allLog) return this.send(message);
    this.log('MMDAgent', 'Sent', message);
    this.log('VIManager', 'Captured', message);
  }

  /** One line of its own log, as `Plugin_Remote_AllLog=true` sends it. */
  log(
    module: string,
    level: 'Sent' | 'Captured' | 'Status' | 'Warning' | 'Error',
    text: string,
    tick = this.tick(),
  ): void {
    const d = new Date();
    const p = (n: number, w = 2): string => String(n).padStart(w, '0');
    const time = `${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
    this.send(`[${time}] [${tick}] ${module}: ${level}: ${text}`);
  }

  /** The agent's frame counter: about 7 frames a second headless. */
  private tick(): number {
    return Math.floor(((Date.now() - this.born) * 7) / 1000);
  }

  private send(line: string): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(line + '\n');
  }

  /** An injected line, emitted inside MMDAgent-EX: with allLog, as the real one logs it, errors included. */
  private emitInjected(line: string): void {
    if (!this.opts.allLog) return this.send(line);
    /* One message is handled within one frame: its echo, receipt and error carry the same tick. */
    const tick = this.tick();
    this.log('Remote', 'Sent', line, tick);
    this.log('MMDAgent', 'Captured', line, tick);
    const [type, , , file] = line.split('|');
    if (type === 'MOTION_ADD' && file && /(^|\/)nope[^/]*$/.test(file))
      this.log('MMDAgent', 'Error', `addMotion: not found: ${file}`, tick);
  }

  /**
   * A raw frame, text or binary. The real MMDAgent-EX sends only text frames; this exists
   * so proxy tests can prove binary frames are forwarded with their type kept.
   */
  sendFrame(data: Buffer, binary: boolean): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(data, { binary });
  }

  /** MMDAgent-EX quits: the TCP connection drops without a close frame. */
  quit(): void {
    this.stopped = true;
    if (this.pump) clearInterval(this.pump);
    this.ws.terminate();
  }

  waitFor(predicate: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
    return waitUntil(predicate, timeoutMs, what, 'fake agent');
  }

  private open(): Promise<void> {
    this.buffer = Buffer.alloc(0);
    this.avatarStarted = false;
    this.model = null;
    this.mode = 'SNDSTRM';
    const u = new URL(this.url);
    const host = u.hostname === 'localhost' ? '127.0.0.1' : u.hostname;
    const ws = new WebSocket(`${u.protocol}//${host}:${u.port}${u.pathname}`, {
      headers: { 'X-App-Type': 'MMDAgent', Host: `${u.hostname}:${u.port}` },
      perMessageDeflate: false,
      family: 4,
      autoPong: this.opts.answerPings,
    });
    this.ws = ws;
    ws.on('message', (data: Buffer, isBinary) => this.receive(data, isBinary));
    ws.on('ping', () => this.pings++);
    ws.on('error', () => undefined);
    ws.on('close', (code) =>
      this.dropped(code === 1005 || code === 1000 ? 'closed by the server' : `connection ended (${code})`),
    );
    if (!this.pump) this.pump = setInterval(() => this.flushOutbox(), 2);
    return new Promise((resolve, reject) => {
      ws.once('open', () => {
        this.connections++;
        for (const line of this.opts.startup) this.emit(line);
        if (this.opts.allLog) {
          this.log('MMDAgent', 'Warning', 'use embedded BreeSerif font');
          this.log('VIManager', 'Status', '[main:4] [0 -> LOOP] MODEL_EVENT_ADD|0');
        }
        resolve();
      });
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  private dropped(reason: string): void {
    if (this.stopped) return;
    this.dropReason = reason;
    if (this.opts.onDrop === 'exit') {
      /* The released program kills its lip-sync thread, taking the process down. */
      this.exitCode = 137;
      this.stopped = true;
      if (this.pump) clearInterval(this.pump);
      return;
    }
    setTimeout(() => void this.open().catch(() => undefined), 30);
  }

  /** All frames form one byte stream in an 8192-byte buffer. */
  private receive(data: Buffer, _isBinary: boolean): void {
    this.frames.push(Buffer.from(data));
    this.lastInput = Date.now();
    if (data.length > AGENT_BUFFER - this.buffer.length) {
      /* Observed: the frame raises an error and the connection drops, which kills the program. */
      this.ws.terminate();
      return;
    }
    this.buffer = Buffer.concat([this.buffer, data]);
    this.parse();
  }

  private parse(): void {
    for (;;) {
      const buf = this.buffer;
      if (buf.length === 0) return;
      if (buf[0] === 0x53 /* S */ && buf.length < 7) return;
      if (buf.subarray(0, 3).toString('latin1') === 'SND') {
        const tag = buf.subarray(3, 7).toString('latin1');
        if (tag === 'STRM' || tag === 'FILE' || tag === 'BRKS') {
          let used = 7;
          if (buf[7] === 0x0a) used = 8;
          else if (buf[7] === 0x0d && buf[8] === 0x0a) used = 9;
          const name = `SND${tag}`;
          if (name === 'SNDSTRM' || name === 'SNDFILE') this.mode = name;
          this.audioEvents.push(name);
          this.buffer = buf.subarray(used);
          continue;
        }
        if (!/^\d{4}$/.test(tag)) {
          /* Not a valid packet: the real parser would misread it; record and skip the header. */
          this.audioEvents.push(`BAD:${tag}`);
          this.buffer = buf.subarray(7);
          continue;
        }
        const size = Number(tag);
        if (buf.length < 7 + size) return;
        this.packetSizes.push(size);
        this.packetTimes.push(performance.now());
        this.audioEvents.push('audio');
        const room = AUDIO_CAP - this.audio.length;
        const payload = buf.subarray(7, 7 + size);
        if (room < payload.length) this.audioDropped += payload.length - Math.max(room, 0);
        if (room > 0) this.audio = Buffer.concat([this.audio, payload.subarray(0, room)]);
        this.buffer = buf.subarray(7 + size);
        continue;
      }
      const nl = buf.indexOf(0x0a);
      if (nl < 0) return;
      let line = buf.subarray(0, nl).toString('utf8');
      if (line.endsWith('\r')) line = line.slice(0, -1);
      this.buffer = buf.subarray(nl + 1);
      if (line.length === 0) continue;
      this.received.push(line);
      this.receivedAt.push(performance.now());
      this.handleLine(line);
    }
  }

  private handleLine(line: string): void {
    if (line.startsWith('__AV_MESSAGE,')) return this.queue(line.slice('__AV_MESSAGE,'.length), true);
    const host = {
      avatarStarted: this.avatarStarted,
      model: this.model,
      queue: (l: string, injected?: boolean) => this.queue(l, injected),
      later: (ms: number, l: string) => this.queue(l, false, ms),
    };
    if (this.avatar.handle(line, host)) return;
    if (line.startsWith('__AV')) {
      if (line === '__AV_START') {
        this.avatarStarted = true;
        this.queue('AVATAR|START');
      } else if (line === '__AV_END') this.avatarStarted = false;
      else if (line.startsWith('__AV_SETMODEL,')) this.model = line.slice('__AV_SETMODEL,'.length);
      return;
    }
    /* Every injected line is emitted inside MMDAgent-EX as a message, and every message goes to the socket. */
    this.queue(line, true);
    const [type, alias] = line.split('|');
    if (type === 'SYNTH_START' && alias) {
      this.queue(`SYNTH_EVENT_START|${alias}`, false, 100);
      this.queue(`SYNTH_EVENT_STOP|${alias}`, false, this.opts.synthMs);
    }
  }

  private queue(line: string, injected = false, delayMs = this.opts.frameMs): void {
    this.outbox.push({ line, due: Date.now() + delayMs, injected });
    /* Stable: lines due at once keep their order. */
    this.outbox.sort((a, b) => a.due - b.due);
  }

  /** Queued messages go out only when nothing has arrived for 10 ms. */
  private flushOutbox(): void {
    const now = Date.now();
    if (now - this.lastInput < 10) return;
    while (this.outbox.length > 0 && this.outbox[0]!.due <= now) {
      const { line, injected } = this.outbox.shift()!;
      if (injected) this.emitInjected(line);
      else this.emit(line);
    }
  }
}
