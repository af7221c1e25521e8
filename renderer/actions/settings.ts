import type { Settings } from '../../common/settings';
import { getApi } from '../bridge/connect';
import type { Words } from '../i18n';
import { useStore } from '../store';
import { changeProblem } from './prefs';

/**
 * Applies server settings; when agents would be disconnected, asks first with the
 * protocol's warning. Resolves to why it failed, or null on success or cancel.
 */
export async function applyServerSettings(patch: Partial<Settings>): Promise<Words | null> {
  const api = getApi();
  const result = await api.updateSettings(patch, false);
  if (result.ok) return null;
  if (!result.needsConfirm) return { problem: result.problem };
  return new Promise((resolve) => {
    useStore.getState().askConfirm({
      title: { key: 'settings.restartTitle' },
      message: { key: 'settings.restartMessage', params: { n: result.agents } },
      confirmLabel: { key: 'settings.restartConfirm' },
      onConfirm: () => {
        void api.updateSettings(patch, true).then((r) => resolve(changeProblem(r)));
      },
      onCancel: () => resolve(null),
    });
  });
}
