/**
 * Audio the dialogue server streams to an agent in proxy mode, summarised for the log: one entry
 * when it starts and one when it ends (SNDBRKS, a second without packets, or either side leaving),
 * instead of one per packet.
 */
import type { NoticeMsg, ReasonCode } from '../../common/problems.js';

/** A stream whose packets stopped coming for this long has ended. */
export const AUDIO_IDLE_MS = 1000;

export class DownAudio {
  mode = 'SNDSTRM';
  active = false;
  private bytes = 0;
  private packets = 0;
  private startedAt = 0;
  private lastAt = 0;

  /** One packet; the notice that a stream started, when it is the first. */
  packet(bytes: number, now: number): NoticeMsg | null {
    const started = !this.active;
    if (started) Object.assign(this, { active: true, bytes: 0, packets: 0, startedAt: now });
    this.bytes += bytes;
    this.packets++;
    this.lastAt = now;
    return started ? { key: 'downAudioStart', params: { mode: this.mode } } : null;
  }

  /** Whether the stream went quiet long enough to count as ended. */
  idle(now: number): boolean {
    return this.active && now - this.lastAt > AUDIO_IDLE_MS;
  }

  /** The notice that the stream ended, or null when none was running. */
  end(reason: ReasonCode): NoticeMsg | null {
    if (!this.active) return null;
    this.active = false;
    const seconds = (this.bytes / 32000).toFixed(2);
    const over = ((this.lastAt - this.startedAt) / 1000 + 0.04).toFixed(2);
    return { key: 'downAudioEnd', params: { reason, seconds, packets: this.packets, bytes: this.bytes, over } };
  }
}
