/**
 * UI preferences live in the core's settings, so Electron and browser mode both keep them
 * and they survive restarts. Applied here at once; written through the core.
 */
import type { Settings } from '../../common/contract';
import { getApi } from '../bridge/connect';
import { usePanel } from '../store';

export type PrefPatch = Partial<Pick<Settings, 'language' | 'theme' | 'logFilters' | 'quickSets' | 'activeQuickSet' | 'modelAlias'>>;

/** Applies the patch to this window now and saves it; resolves to an error message or null. */
export async function savePrefs(patch: PrefPatch): Promise<string | null> {
  usePanel.setState((s) => (s.settings ? { settings: { ...s.settings, ...patch } } : {}));
  try {
    const result = await getApi().updateSettings(patch);
    return result.ok ? null : result.needsConfirm ? result.message : result.error;
  } catch (error) {
    return (error as Error).message;
  }
}
