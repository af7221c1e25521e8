import type { StateCreator } from 'zustand';
import type { KeyState, SpeechEngine, Voice } from '../../common/speech';
import type { Words } from '../i18n';
import type { StoreState } from '.';

export interface VoiceList {
  voices: Voice[];
  loading: boolean;
  problem: Words | null;
}

export interface SayMessage {
  error: boolean;
  words: Words;
}

/** Said lines kept for ↑/↓, newest last. */
export const SAY_HISTORY_MAX = 50;

export interface SaySlice {
  voiceLists: Partial<Record<SpeechEngine, VoiceList>>;
  /** Waiting for the first sentence (synthesis, or the core's answer). */
  sayBusy: boolean;
  sayMessage: SayMessage | null;
  sayHistory: string[];
  keyState: KeyState | null;
  setVoiceList(engine: SpeechEngine, patch: Partial<VoiceList>): void;
  setSayBusy(busy: boolean): void;
  setSayMessage(message: SayMessage | null): void;
  rememberSaid(text: string): void;
  setKeyState(state: KeyState | null): void;
}

export const createSaySlice: StateCreator<StoreState, [], [], SaySlice> = (set) => ({
  voiceLists: {},
  sayBusy: false,
  sayMessage: null,
  sayHistory: [],
  keyState: null,
  setVoiceList: (engine, patch) =>
    set((s) => ({
      voiceLists: {
        ...s.voiceLists,
        [engine]: { voices: [], loading: false, problem: null, ...s.voiceLists[engine], ...patch },
      },
    })),
  setSayBusy: (sayBusy) => set({ sayBusy }),
  setSayMessage: (sayMessage) => set({ sayMessage }),
  rememberSaid: (text) =>
    set((s) => ({ sayHistory: [...s.sayHistory.filter((h) => h !== text), text].slice(-SAY_HISTORY_MAX) })),
  setKeyState: (keyState) => set({ keyState }),
});
