import type { StateCreator } from 'zustand';
import type { SceneState } from '../../common/agents';
import type { AudioStatus, WhenBusy } from '../../common/audio';
import type { Words } from '../i18n';
import type { StoreState } from '.';

export interface LoadedFile {
  name: string;
  durationMs: number;
  pcm: Int16Array;
  peaks: Float32Array;
}

export interface MicState {
  running: boolean;
  starting: boolean;
  muted: boolean;
  deviceId: string;
  echoCancellation: boolean;
  noiseSuppression: boolean;
  autoGainControl: boolean;
  /** Push-to-talk key (KeyboardEvent.code), or null when off. */
  pttKey: string | null;
  pttDown: boolean;
  levelDb: number;
  clipUntil: number;
}

export interface AudioSlice {
  audioStatus: AudioStatus[];
  scene: Record<number, SceneState>;
  file: LoadedFile | null;
  decoding: boolean;
  audioError: Words | null;
  audioNotice: Words | null;
  whenBusy: WhenBusy;
  mic: MicState;
  /** Input devices; a device without a label (no permission yet) is named by its number when shown. */
  devices: { deviceId: string; label: string }[];
  setAudioStatus(status: AudioStatus[]): void;
  setScene(scene: Record<number, SceneState>): void;
  setFile(file: LoadedFile | null): void;
  setDecoding(decoding: boolean): void;
  setAudioMessage(error: Words | null, notice?: Words | null): void;
  setWhenBusy(whenBusy: WhenBusy): void;
  setMic(patch: Partial<MicState>): void;
  setDevices(devices: { deviceId: string; label: string }[]): void;
}

export const SILENT_DB = -60;

export const createAudioSlice: StateCreator<StoreState, [], [], AudioSlice> = (set) => ({
  audioStatus: [],
  scene: {},
  file: null,
  decoding: false,
  audioError: null,
  audioNotice: null,
  whenBusy: 'queue',
  mic: {
    running: false,
    starting: false,
    muted: false,
    deviceId: '',
    echoCancellation: false,
    noiseSuppression: false,
    autoGainControl: false,
    pttKey: null,
    pttDown: false,
    levelDb: SILENT_DB,
    clipUntil: 0,
  },
  devices: [],
  setAudioStatus: (audioStatus) => set({ audioStatus }),
  setScene: (scene) => set({ scene }),
  setFile: (file) => set({ file }),
  setDecoding: (decoding) => set({ decoding }),
  setAudioMessage: (audioError, audioNotice = null) => set({ audioError, audioNotice }),
  setWhenBusy: (whenBusy) => set({ whenBusy }),
  setMic: (patch) => set((s) => ({ mic: { ...s.mic, ...patch } })),
  setDevices: (devices) => set({ devices }),
});
