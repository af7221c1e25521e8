/** What the Agents card and the proxy chain do: disconnect an agent (asking first) and retry a dialogue-server link. */
import type { AgentAlert } from '../../common/agents';
import { getApi } from '../bridge/connect';
import { errorWords } from './errors';
import type { Words } from '../i18n';
import { useStore } from '../store';
import { changeProblem } from './prefs';

/** Asks first: the released MMDAgent-EX exits when its connection closes. */
export async function disconnectAgent(id: number): Promise<void> {
  const first = await getApi().disconnect(id, false);
  if (first.ok || !first.needsConfirm) return;
  useStore.getState().askConfirm({
    title: { key: 'agents.disconnectTitle', params: { agentId: id } },
    message: { key: 'agents.disconnectMessage', params: { agentId: id } },
    confirmLabel: { key: 'agents.disconnect' },
    onConfirm: () => void getApi().disconnect(id, true),
  });
}

/** "Retry now"; resolves to why nothing was retried, or null. */
export async function retryUpstream(id: number): Promise<Words | null> {
  try {
    return changeProblem(await getApi().retryUpstream(id));
  } catch (error) {
    return errorWords(error);
  }
}

/** Names the agent (and later ones on its path); resolves to why not, or null. */
export async function renameAgent(id: number, name: string): Promise<Words | null> {
  try {
    return changeProblem(await getApi().renameAgent(id, name));
  } catch (error) {
    return errorWords(error);
  }
}

/** Dismisses the alert here and in the core, so a reload does not bring it back. */
export function dismissAlert(alert: AgentAlert): void {
  useStore.getState().dismissAlert(alert);
  getApi()
    .dismissAlert(alert.agentId, alert.at)
    .catch(() => undefined);
}
