/**
 * What a UI hears besides log batches, at a pace it can take. Message counts change with every
 * message, so the session list goes out at most four times a second and audio progress ten;
 * scene changes, and an agent that came or went, go out on the next tick. The services only mark
 * what changed; the state itself is read from the sources at the tick, so this depends on nothing.
 */
import type { SceneState, SessionInfo } from '../../common/agents.js';
import type { AudioStatus } from '../../common/audio.js';

export interface UiSources {
  sessions(): SessionInfo[];
  audio(): AudioStatus[];
  /** While a stream runs, its progress is news even when nothing else changed. */
  audioStreaming(): boolean;
  scene(): Record<number, SceneState>;
}

export interface UiEvents {
  'sessions:changed': SessionInfo[];
  'audio:status': AudioStatus[];
  'scene:changed': Record<number, SceneState>;
}

export const SESSIONS_EVERY_MS = 250;
export const AUDIO_EVERY_MS = 100;

export class UiUpdates {
  private sessionsDirty = false;
  private sessionsSentAt = 0;
  private audioDirty = false;
  private audioSentAt = 0;
  private sceneDirty = false;
  /** An agent came or went: the list goes out at the next tick, whatever its pace. */
  private sessionsUrgent = false;

  constructor(
    private readonly emit: <K extends keyof UiEvents>(event: K, payload: UiEvents[K]) => void,
    private readonly now: () => number = Date.now,
    /** Asks for a tick: something waits to go out. */
    private readonly wake: () => void = () => undefined,
  ) {}

  /** Whether something waits for a later tick: a change held back by its pace, or a stream's progress. */
  pending(sources: UiSources): boolean {
    return this.sessionsDirty || this.audioDirty || this.sceneDirty || sources.audioStreaming();
  }

  sessionsChanged(): void {
    this.sessionsDirty = true;
    this.wake();
  }

  audioChanged(): void {
    this.audioDirty = true;
    this.wake();
  }

  sceneChanged(): void {
    this.sceneDirty = true;
    this.wake();
  }

  /** An agent came or went: the list goes out at the next tick, not at the next quarter second. */
  sessionsNow(): void {
    this.sessionsUrgent = true;
    this.sessionsChanged();
  }

  /** Called once per tick, after the log batch. */
  flush(sources: UiSources): void {
    const now = this.now();
    if ((this.audioDirty || sources.audioStreaming()) && now - this.audioSentAt >= AUDIO_EVERY_MS) {
      this.audioDirty = false;
      this.audioSentAt = now;
      this.emit('audio:status', sources.audio());
    }
    if (this.sceneDirty) {
      this.sceneDirty = false;
      this.emit('scene:changed', sources.scene());
    }
    if (this.sessionsDirty && (this.sessionsUrgent || now - this.sessionsSentAt >= SESSIONS_EVERY_MS)) {
      this.sessionsDirty = false;
      this.sessionsUrgent = false;
      this.sessionsSentAt = now;
      this.emit('sessions:changed', sources.sessions());
    }
  }
}
