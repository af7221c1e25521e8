import type { StateCreator } from 'zustand';
import type { Faces } from '../../common/contract';
import type { Words } from '../i18n';
import type { StoreState } from '.';

/** A slider's key: the agent, the model alias, the group (`m` morph, `x` avatar morph) and the name. */
export type FaceKey = `${number}|${string}|${'m' | 'x'}|${string}`;

export const faceKey = (agentId: number, alias: string, group: 'm' | 'x', name: string): FaceKey =>
  `${agentId}|${alias}|${group}|${name}`;

export interface AvatarSlice {
  /** What the core holds, per agent and alias. */
  faces: Faces;
  /** Values this window moved that the core has not confirmed yet: shown instead of `faces`, so a drag never jumps back. */
  faceLocal: Partial<Record<FaceKey, number>>;
  morphFilter: string;
  /** The model file chosen by hand for an agent's alias (`3|0` → `gene.pmd`) when the scene does not say. */
  modelChoice: Record<string, string>;
  /** The last Avatar-region result or problem (a file refused, an action not sent). */
  avatarMessage: { error: boolean; words: Words } | null;
  setFaces(faces: Faces): void;
  setFaceLocal(key: FaceKey, value: number | undefined): void;
  setMorphFilter(text: string): void;
  chooseModel(agentId: number, alias: string, model: string): void;
  setAvatarMessage(message: AvatarSlice['avatarMessage']): void;
}

export const createAvatarSlice: StateCreator<StoreState, [], [], AvatarSlice> = (set) => ({
  faces: {},
  faceLocal: {},
  morphFilter: '',
  modelChoice: {},
  avatarMessage: null,
  setFaces: (faces) => set({ faces }),
  setFaceLocal: (key, value) =>
    set((s) => {
      if (s.faceLocal[key] === value) return {};
      const faceLocal = { ...s.faceLocal };
      if (value === undefined) delete faceLocal[key];
      else faceLocal[key] = value;
      return { faceLocal };
    }),
  setMorphFilter: (morphFilter) => set({ morphFilter }),
  chooseModel: (agentId, alias, model) =>
    set((s) => ({ modelChoice: { ...s.modelChoice, [`${agentId}|${alias}`]: model } })),
  setAvatarMessage: (avatarMessage) => set({ avatarMessage }),
});
