/**
 * What a UI hears besides log batches, at a pace it can take. Message counts change with every
 * message, so the session list goes out at most four times a second and audio progress ten;
 * scene changes, and an agent that came or went, go out on the next tick. The services only mark
 * what changed; the state itself is read from the sources at the tick, so this depends on nothing.
 */
import type { SceneState, AgentInfo } from '../../common/agents.js';
import type { AudioStatus } from '../../common/audio.js';

export interface UiSources {
  agents(): AgentInfo[];
  audio(): AudioStatus[];
  /** While a stream runs, its progress is news even when nothing else changed. */
  audioStreaming(): boolean;
  scene(): Record<number, SceneState>;
}

export interface UiEvents {
  'agents:changed': AgentInfo[];
  'audio:status': AudioStatus[];
  'scene:changed': Record<number, SceneState>;
}

export const AGENTS_EVERY_MS = 250;
export const AUDIO_EVERY_MS = 100;

export class UiUpdates {
  private agentsDirty = false;
  private agentsSentAt = 0;
  private audioDirty = false;
  private audioSentAt = 0;
  private sceneDirty = false;
  /** An agent came or went: the list goes out at the next tick, whatever its pace. */
  private agentsUrgent = false;

  constructor(
    private readonly emit: <K extends keyof UiEvents>(event: K, payload: UiEvents[K]) => void,
    private readonly now: () => number = Date.now,
    /** Asks for a tick: something waits to go out. */
    private readonly wake: () => void = () => undefined,
  ) {}

  /** Whether something waits for a later tick: a change held back by its pace, or a stream's progress. */
  pending(sources: UiSources): boolean {
    return this.agentsDirty || this.audioDirty || this.sceneDirty || sources.audioStreaming();
  }

  agentsChanged(): void {
    this.agentsDirty = true;
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
  agentsNow(): void {
    this.agentsUrgent = true;
    this.agentsChanged();
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
    if (this.agentsDirty && (this.agentsUrgent || now - this.agentsSentAt >= AGENTS_EVERY_MS)) {
      this.agentsDirty = false;
      this.agentsUrgent = false;
      this.agentsSentAt = now;
      this.emit('agents:changed', sources.agents());
    }
  }
}
