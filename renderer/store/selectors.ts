/**
 * Derived values: what components read that is computed from the state rather than stored in it.
 * Each is a pure function of the state, so `useStore(selectX)` re-renders only when its result
 * changes, and actions can call the same function on `useStore.getState()`.
 */
import type { AudioStatus } from '../../common/audio';
import { modelKey, type FacePreset, type ModelProfile } from '../../common/avatar';
import type { Show } from '../../common/show';
import type { QuickSet } from '../../common/quick-commands';
import type { Language, Theme } from '../../common/settings';
import type { SpeechEngine } from '../../common/speech';
import type { StoreState } from '.';

const NO_SETS: QuickSet[] = [];

/** The one agent audio goes to: the chosen target, or the only agent when the target is "all"; else null. */
export function selectAudioAgentId(s: StoreState): number | null {
  if (s.target !== 'all') return s.target;
  return s.agents.length === 1 ? s.agents[0]!.agentId : null;
}

/** What streams to that agent now (a file, the microphone or a Say), if anything. */
export function selectTargetAudio(s: StoreState): AudioStatus | undefined {
  const agentId = selectAudioAgentId(s);
  return agentId === null ? undefined : s.audioStatus.find((a) => a.agentId === agentId);
}

export const selectProxyOn = (s: StoreState): boolean => s.settings?.upstreamEnabled === true;

/** The dialogue server's URL while proxy mode is on. */
export const selectUpstreamUrl = (s: StoreState): string | null =>
  s.settings?.upstreamEnabled ? s.settings.upstreamUrl : null;

export const selectPaused = (s: StoreState): boolean => s.frozen !== null;

/** The language setting as stored (`auto` follows the system); `useLang` resolves it. */
export const selectLanguageSetting = (s: StoreState): Language => s.settings?.language ?? 'auto';

export const selectTheme = (s: StoreState): Theme => s.settings?.theme ?? 'system';

export const selectModelAlias = (s: StoreState): string => s.settings?.modelAlias ?? '0';

export const selectSpeechEngine = (s: StoreState): SpeechEngine => s.settings?.speech.engine ?? 'agent';

/** The port the listener really has (even when 0 was asked for), or 0 before it listens. */
export const selectBoundPort = (s: StoreState): number => s.status?.port ?? 0;

export const selectQuickSets = (s: StoreState): QuickSet[] => s.settings?.quickSets ?? NO_SETS;

export const selectActiveQuickSetId = (s: StoreState): string => s.settings?.activeQuickSet ?? '';

const NO_MODELS: Record<string, ModelProfile> = {};

export const selectAvatarModels = (s: StoreState): Record<string, ModelProfile> =>
  s.settings?.avatarModels ?? NO_MODELS;

export const selectFaceTransition = (s: StoreState): number => s.settings?.faceTransitionSec ?? 0.2;

/**
 * The key of the profile for an agent's alias: the model file MMDAgent-EX reported loading, if the
 * operator gave the panel that file; else the one chosen by hand; else the only one, or the newest.
 */
export function selectModelKeyFor(s: StoreState, agentId: number | null, alias: string): string | null {
  const models = selectAvatarModels(s);
  if (agentId !== null) {
    const file = s.scene[agentId]?.modelFiles?.[alias];
    if (file && models[modelKey(file)]) return modelKey(file);
    const chosen = s.modelChoice[`${agentId}|${alias}`];
    if (chosen && models[chosen]) return chosen;
  }
  const newest = Object.entries(models).sort((a, b) => b[1].loadedAt - a[1].loadedAt)[0];
  return newest ? newest[0] : null;
}

/** The model file the agent reported for the alias (`gene/Gene.pmd`), whether or not the panel has it. */
export function selectReportedModelFile(s: StoreState, agentId: number | null, alias: string): string | null {
  return agentId === null ? null : (s.scene[agentId]?.modelFiles?.[alias] ?? null);
}

/** Presets of the active quick-command set. */
export function selectPresets(s: StoreState): FacePreset[] {
  const sets = selectQuickSets(s);
  return (sets.find((x) => x.id === selectActiveQuickSetId(s)) ?? sets[0])?.presets ?? NO_PRESETS;
}

const NO_PRESETS: FacePreset[] = [];

const NO_SHOWS: Show[] = [];

export const selectShows = (s: StoreState): Show[] => s.settings?.shows ?? NO_SHOWS;

export const selectActiveShowId = (s: StoreState): string => s.settings?.activeShow ?? '';
