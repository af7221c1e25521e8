/**
 * Proxy mode: one agent's onward connection to the team's dialogue server. It connects the
 * way MMDAgent-EX would (path from the URL, `X-App-Type: MMDAgent`), forwards frames
 * unchanged, and when the server goes away it retries forever with backoff. Upstream
 * failures never touch the agent's own connection: closing that kills MMDAgent-EX.
 */
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import type { UpstreamInfo } from '../../common/agents.js';
import type { LinkReason } from '../../common/problems.js';

/** MMDAgent-EX's buffer is 8192 bytes for all frames together; half of it per frame is safe. */
export const MAX_DOWN_FRAME = 4096;

export interface UpstreamHost {
  /** A frame from the dialogue server, already cut to at most 4096 bytes, for the agent. */
  toAgent(data: Buffer, binary: boolean): void;
  /** The link opened (first: its first time) or went down. */
  opened(first: boolean): void;
  lost(why: LinkReason): void;
  /** Frames held during the first connection that were given up. */
  gaveUp(frames: number, seconds: number): void;
  /** A frame larger than 4096 bytes was re-cut (once per session is enough to say so). */
  recut(bytes: number, pieces: number): void;
  changed(): void;
}

export interface UpstreamOptions {
  /** How long frames from the agent are held while the first connection opens. */
  holdMs?: number;
  holdFrames?: number;
  backoffMinMs?: number;
  backoffMaxMs?: number;
  /** An attempt that has not opened by then counts as failed. */
  connectTimeoutMs?: number;
}

export type ForwardResult = 'sent' | 'held' | 'not-forwarded';

export class UpstreamLink {
  readonly info: UpstreamInfo;
  private ws: WebSocket | null = null;
  private everOpened = false;
  /** Frames from the agent while its first connection opens; null once that is settled. */
  private held: { data: Buffer; binary: boolean }[] | null = [];
  private holdTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private corked = false;
  private readonly opts: Required<UpstreamOptions>;

  constructor(
    readonly url: string,
    private readonly host: UpstreamHost,
    options: UpstreamOptions = {},
  ) {
    this.opts = {
      holdMs: 5000,
      holdFrames: 1000,
      backoffMinMs: 500,
      backoffMaxMs: 5000,
      connectTimeoutMs: 5000,
      ...options,
    };
    this.info = { state: 'connecting', url, retries: 0, framesUp: 0, framesDown: 0, notForwarded: 0 };
    this.holdTimer = setTimeout(() => this.giveUpHold(), this.opts.holdMs);
    this.connect();
  }

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** A frame from the agent: sent now, held (first connection only), or not forwarded. */
  forward(data: Buffer, binary: boolean): ForwardResult {
    if (this.isOpen) {
      this.coalesce();
      this.ws!.send(data, { binary });
      this.info.framesUp++;
      return 'sent';
    }
    /* The first connection's hold keeps at most `holdFrames`; frames beyond that are not forwarded. */
    if (this.held && this.held.length < this.opts.holdFrames) {
      this.held.push({ data, binary });
      return 'held';
    }
    this.info.notForwarded++;
    return 'not-forwarded';
  }

  /** The panel's own line to the dialogue server, as the agent would send it: one text frame. */
  sendLine(line: string): boolean {
    if (!this.isOpen) return false;
    this.ws!.send(`${line}\n`, { binary: false });
    return true;
  }

  /**
   * Frames that arrive together (one TCP read from the agent holds thousands in a burst) go
   * out in one write instead of one system call each: the socket is corked until this tick
   * ends. ws keeps its socket private; without it, frames simply go one write each.
   */
  private coalesce(): void {
    if (this.corked) return;
    const socket = (this.ws as unknown as { _socket?: Socket | null })._socket;
    if (!socket || typeof socket.cork !== 'function') return;
    socket.cork();
    this.corked = true;
    process.nextTick(() => {
      this.corked = false;
      socket.uncork();
    });
  }

  /** Skips the backoff wait (the operator pressed "Retry now"). */
  retryNow(): boolean {
    if (this.closed || this.info.state !== 'retrying') return false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.connect();
    return true;
  }

  /** The agent left: close onward, as the dialogue server would see if MMDAgent-EX itself left. */
  close(): void {
    this.closed = true;
    for (const timer of [this.holdTimer, this.retryTimer]) if (timer) clearTimeout(timer);
    this.holdTimer = this.retryTimer = null;
    this.held = null;
    const ws = this.ws;
    this.ws = null;
    if (!ws) return;
    if (ws.readyState === WebSocket.OPEN) {
      ws.close(1000);
      const force = setTimeout(() => ws.terminate(), 1000);
      ws.once('close', () => clearTimeout(force));
    } else ws.terminate();
  }

  private connect(): void {
    this.info.state = 'connecting';
    delete this.info.nextRetryAt;
    this.host.changed();
    const u = new URL(this.url);
    const ws = new WebSocket(this.url, {
      headers: { 'X-App-Type': 'MMDAgent' },
      perMessageDeflate: false,
      /* The dialogue server's bytes go to the agent as they are; ws must not reject odd UTF-8. */
      skipUTF8Validation: true,
      maxPayload: 64 << 20,
      handshakeTimeout: this.opts.connectTimeoutMs,
      /* MMDAgent-EX connects over IPv4; `localhost` must mean 127.0.0.1 here too. */
      ...(u.hostname === 'localhost' ? { family: 4 } : {}),
    });
    this.ws = ws;
    let failure = '';
    ws.on('error', (error) => (failure = error.message));
    ws.on('open', () => {
      if (this.ws !== ws) return;
      const first = !this.everOpened;
      this.everOpened = true;
      this.info.state = 'open';
      this.info.retries = 0;
      delete this.info.lastReason;
      this.host.opened(first);
      if (this.held) {
        for (const f of this.held) {
          ws.send(f.data, { binary: f.binary });
          this.info.framesUp++;
        }
        this.held = null;
        if (this.holdTimer) clearTimeout(this.holdTimer);
        this.holdTimer = null;
      }
      this.host.changed();
    });
    ws.on('message', (data: Buffer, isBinary) => {
      if (this.ws !== ws) return;
      this.info.framesDown++;
      if (data.length <= MAX_DOWN_FRAME) return this.host.toAgent(data, isBinary);
      let pieces = 0;
      for (let at = 0; at < data.length; at += MAX_DOWN_FRAME, pieces++)
        this.host.toAgent(data.subarray(at, at + MAX_DOWN_FRAME), isBinary);
      this.host.recut(data.length, pieces);
    });
    ws.on('close', (code) => {
      if (this.ws !== ws || this.closed) return;
      const wasOpen = this.info.state === 'open';
      const why: LinkReason = failure
        ? { reason: 'linkError', detail: failure }
        : code === 1006
          ? { reason: 'linkLost' }
          : { reason: 'linkClosed', detail: String(code) };
      this.info.lastReason = why;
      if (wasOpen) this.host.lost(why);
      else this.info.retries++;
      this.scheduleRetry();
    });
  }

  /** 0.5 s, 1 s, 2 s, 4 s, then every 5 s, forever. */
  private scheduleRetry(): void {
    const delay = Math.min(this.opts.backoffMaxMs, this.opts.backoffMinMs * 2 ** Math.max(0, this.info.retries - 1));
    this.info.state = 'retrying';
    this.info.nextRetryAt = Date.now() + delay;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
    this.host.changed();
  }

  private giveUpHold(): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
    const frames = this.held?.length ?? 0;
    this.held = null;
    this.info.notForwarded += frames;
    this.host.gaveUp(frames, this.opts.holdMs / 1000);
    this.host.changed();
  }
}
