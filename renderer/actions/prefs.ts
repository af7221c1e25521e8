/**
 * UI preferences live in the core's settings, so Electron and browser mode both keep them
 * and they survive restarts. Applied here at once; written through the core.
 */
import type { ChangeResult } from '../../common/agents';
import type { Settings } from '../../common/settings';
import { getApi } from '../bridge/connect';
import { errorWords } from './errors';
import type { Words } from '../i18n';
import { useStore } from '../store';

export type PrefPatch = Partial<
  Pick<
    Settings,
    | 'language'
    | 'theme'
    | 'logFilters'
    | 'quickSets'
    | 'activeQuickSet'
    | 'modelAlias'
    | 'mdfAllLog'
    | 'mdfHttpOff'
    | 'speech'
    | 'avatarModels'
    | 'faceTransitionSec'
    | 'shows'
    | 'activeShow'
  >
>;

/** What a refused change says; null when it went through. */
export function changeProblem(result: ChangeResult, id?: number): Words | null {
  if (result.ok) return null;
  if (!result.needsConfirm) return { problem: result.problem };
  return result.reason === 'disconnect'
    ? { key: 'agents.disconnectMessage', params: { agentId: id ?? 0 } }
    : { key: 'settings.restartMessage', params: { n: result.agents } };
}

/** Applies the patch to this window now and saves it; resolves to why it could not be saved, or null. */
export async function savePrefs(patch: PrefPatch): Promise<Words | null> {
  const before = useStore.getState().settings;
  useStore.getState().changeSettings(patch);
  let problem: Words | null;
  try {
    problem = changeProblem(await getApi().updateSettings(patch));
  } catch (error) {
    problem = errorWords(error);
  }
  useStore.getState().settleSettings(patch);
  /* Refused: this window goes back to what the core has, so the next change does not carry the bad value. */
  if (problem && before) {
    const kept = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof PrefPatch]]));
    useStore.setState((s) => (s.settings ? { settings: { ...s.settings, ...kept } } : {}));
  }
  return problem;
}

/** Filters change per keystroke; they are saved to settings half a second after the last change. */
export function rememberFilters(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return useStore.subscribe((state, prev) => {
    /* Only a change of the filters themselves; settings coming back from the core are not one. */
    /* Compared by value: the filters applied from settings at start-up are a copy, not a change. */
    if (
      state.filters === prev.filters ||
      !state.settings ||
      JSON.stringify(state.settings.logFilters) === JSON.stringify(state.filters)
    )
      return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      void savePrefs({ logFilters: useStore.getState().filters }).then((problem) => {
        if (problem) useStore.getState().setComposeResult({ key: 'log.filtersNotSaved', params: { error: problem } });
      });
    }, 500);
  });
}
