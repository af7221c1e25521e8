import type { Settings } from '../../common/contract';
import { getApi } from '../bridge/connect';
import { t } from '../i18n';
import { usePanel } from '../store';

/**
 * Applies server settings; when agents would be disconnected, asks first with the
 * protocol's warning. Resolves to an error message, or null on success or cancel.
 */
export async function applyServerSettings(patch: Partial<Settings>): Promise<string | null> {
  const api = getApi();
  const result = await api.updateSettings(patch, false);
  if (result.ok) return null;
  if (!result.needsConfirm) return result.error;
  return new Promise((resolve) => {
    usePanel.getState().askConfirm({
      title: t('settings.restartTitle'),
      message: t('settings.restartMessage', { n: result.agents }),
      confirmLabel: t('settings.restartConfirm'),
      onConfirm: () => {
        void api.updateSettings(patch, true).then((r) => resolve(r.ok ? null : r.needsConfirm ? r.message : r.error));
      },
      onCancel: () => resolve(null),
    });
  });
}
