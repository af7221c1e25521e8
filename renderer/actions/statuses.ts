/**
 * Statuses say what is true now: each one ends when what it describes ends. A stream's "streaming"
 * ends with the stream; "no agent is connected" ends when one connects; a stream cut by an agent
 * that left stops the microphone and says so, until an agent connects again.
 */
import type { Words } from '../i18n';
import { useStore, type StoreState } from '../store';
import { micAgent, stopMic } from './audio';

const isKey = (w: Words | null, ...keys: string[]): boolean => w !== null && 'key' in w && keys.includes(w.key);
const isNoAgent = (w: Words | null): boolean => w !== null && 'problem' in w && w.problem.key === 'noAgent';

/** Whether the file a "streaming" or "queued" notice names still plays or waits for its agent. */
function streamGoesOn(s: StoreState, notice: Words): boolean {
  if (!('key' in notice) || !notice.params) return false;
  const { name, agentId } = notice.params;
  return s.audioStatus.some(
    (a) => (agentId === undefined || a.agentId === agentId) && (a.name === name || a.queued.includes(String(name))),
  );
}

export function watchStatuses(): () => void {
  return useStore.subscribe((s, prev) => {
    if (s.agents !== prev.agents) {
      const gone = (id: number): boolean => !s.agents.some((x) => x.agentId === id);
      const mic = micAgent();
      if (mic !== null && s.mic.running && gone(mic)) {
        void stopMic({ key: 'audio.micAgentLeft', params: { agentId: mic } });
        return;
      }
      const lost = prev.audioStatus.find((a) => a.state === 'file' && gone(a.agentId));
      if (lost) {
        s.setAudioMessage({ key: 'audio.fileAgentLeft', params: { agentId: lost.agentId, name: lost.name ?? '' } });
        return;
      }
      const arrived = s.agents.some((a) => !prev.agents.some((p) => p.agentId === a.agentId));
      if (arrived) {
        if (isNoAgent(s.composeError)) s.setComposeResult(null, s.composeNotice);
        if (isNoAgent(s.audioError) || isKey(s.audioError, 'audio.fileAgentLeft', 'audio.micAgentLeft'))
          s.setAudioMessage(null, s.audioNotice);
      }
    }
    if (s.audioStatus !== prev.audioStatus && s.audioNotice && isKey(s.audioNotice, 'audio.streaming', 'audio.queued'))
      if (!streamGoesOn(s, s.audioNotice)) s.setAudioMessage(s.audioError, null);
  });
}
