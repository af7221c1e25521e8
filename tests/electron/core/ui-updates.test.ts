/** The pace of what a UI hears besides log batches: each kind of change at its own rate, none lost. */
import { describe, expect, it } from 'vitest';
import type { AgentInfo, SceneState } from '../../../common/agents.js';
import type { AudioStatus } from '../../../common/audio.js';
import {
  AGENTS_EVERY_MS,
  AUDIO_EVERY_MS,
  UiUpdates,
  type UiEvents,
  type UiSources,
} from '../../../electron/core/ui-updates.js';

function setup() {
  let now = 10_000;
  let wakes = 0;
  const sent: [keyof UiEvents, unknown][] = [];
  const state = {
    agents: [] as AgentInfo[],
    audio: [] as AudioStatus[],
    streaming: false,
    scene: {} as Record<number, SceneState>,
  };
  const sources: UiSources = {
    agents: () => state.agents,
    audio: () => state.audio,
    audioStreaming: () => state.streaming,
    scene: () => state.scene,
  };
  const ui = new UiUpdates(
    (event, payload) => sent.push([event, payload]),
    () => now,
    () => wakes++,
  );
  const events = (kind: keyof UiEvents) => sent.filter(([e]) => e === kind).length;
  return { ui, sources, state, sent, events, wakes: () => wakes, advance: (ms: number) => (now += ms) };
}

describe('UiUpdates', () => {
  it('sends nothing, and asks for no tick, while nothing changed', () => {
    const { ui, sources, sent, wakes } = setup();
    ui.flush(sources);
    expect(sent).toEqual([]);
    expect(ui.pending(sources)).toBe(false);
    expect(wakes()).toBe(0);
  });

  it('sends the agent list at most four times a second, and the last change is never lost', () => {
    const { ui, sources, events, advance, wakes } = setup();
    ui.agentsChanged();
    expect(wakes()).toBe(1);
    ui.flush(sources);
    expect(events('agents:changed')).toBe(1);
    ui.agentsChanged();
    advance(AGENTS_EVERY_MS - 1);
    ui.flush(sources);
    expect(events('agents:changed')).toBe(1);
    expect(ui.pending(sources)).toBe(true);
    advance(1);
    ui.flush(sources);
    expect(events('agents:changed')).toBe(2);
    expect(ui.pending(sources)).toBe(false);
  });

  it('sends the list at the next tick when an agent comes or goes, whatever the pace', () => {
    const { ui, sources, events, advance } = setup();
    ui.agentsChanged();
    ui.flush(sources);
    advance(1);
    ui.agentsNow();
    ui.flush(sources);
    expect(events('agents:changed')).toBe(2);
  });

  it('sends audio progress ten times a second while a stream runs, even with no other change', () => {
    const { ui, sources, state, events, advance } = setup();
    state.streaming = true;
    expect(ui.pending(sources)).toBe(true);
    ui.flush(sources);
    advance(AUDIO_EVERY_MS / 2);
    ui.flush(sources);
    advance(AUDIO_EVERY_MS / 2);
    ui.flush(sources);
    expect(events('audio:status')).toBe(2);
    state.streaming = false;
    advance(AUDIO_EVERY_MS);
    ui.flush(sources);
    expect(events('audio:status')).toBe(2);
  });

  it('sends a scene change at the next tick, with the state as it is then', () => {
    const { ui, sources, state, sent } = setup();
    ui.sceneChanged();
    state.scene = {
      1: { models: ['0'], motions: [], speaking: [], lipsync: [], listening: false, files: [], voices: [] },
    };
    ui.flush(sources);
    expect(sent).toEqual([['scene:changed', state.scene]]);
  });
});
