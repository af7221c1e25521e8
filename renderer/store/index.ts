/** One zustand store built from typed slices; the bridge writes through its actions. */
import { create } from 'zustand';
import type { Snapshot } from '../../common/contract';
import { createAudioSlice, type AudioSlice } from './audio-slice';
import { createAvatarSlice, type AvatarSlice } from './avatar-slice';
import { createCuesSlice, type CuesSlice } from './cues-slice';
import { createComposeSlice, type ComposeSlice } from './compose-slice';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createLogSlice, type LogSlice } from './log-slice';
import { createSaySlice, type SaySlice } from './say-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type StoreState = ConnectionSlice &
  LogSlice &
  ComposeSlice &
  UiSlice &
  AudioSlice &
  SaySlice &
  AvatarSlice &
  CuesSlice & {
    hydrate(snapshot: Snapshot): void;
  };

export const useStore = create<StoreState>()((...a) => ({
  ...createConnectionSlice(...a),
  ...createLogSlice(...a),
  ...createComposeSlice(...a),
  ...createUiSlice(...a),
  ...createAudioSlice(...a),
  ...createSaySlice(...a),
  ...createAvatarSlice(...a),
  ...createCuesSlice(...a),
  hydrate: (snapshot) => {
    const [set, get] = a;
    if (get().logFile && get().logFile !== snapshot.logFile) get().log.reset();
    set({
      settings: snapshot.settings,
      status: snapshot.status,
      logFile: snapshot.logFile,
      hostKind: snapshot.host,
      coreLink: 'up',
      audioStatus: snapshot.audio,
      scene: snapshot.scene,
      periodic: snapshot.periodic,
      alerts: snapshot.alerts ?? [],
      faces: snapshot.faces ?? {},
    });
    /* The remembered filters come back with the settings (the session filter does not: ids restart). */
    get().setFilters(snapshot.settings.logFilters);
    get().setAgents(snapshot.agents);
    for (const wire of snapshot.recent) get().appendWire(wire);
  },
}));

const initial = useStore.getState();

/** For tests: a fresh store, with a new log buffer. */
export function resetStore(): void {
  useStore.setState({ ...initial, log: new (initial.log.constructor as new () => typeof initial.log)() }, true);
}
