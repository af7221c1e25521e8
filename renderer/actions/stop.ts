/** Stop everything: the one key for silence, for every agent at once. */
import { getApi } from '../bridge/connect';
import { useStore } from '../store';
import { errorWords } from './errors';
import { stopMic } from './audio';
import { cancelRunning } from './quick';
import { stopCues } from './cues';

/**
 * The sequence stops first, so no later step sends anything; the core then ends every stream,
 * synthesis and voice; the microphone's capture stops here too. The result goes to the composer's
 * status line, where the operator's last action always reports.
 */
export async function stopEverything(): Promise<void> {
  const sequences = (cancelRunning() ? 1 : 0) + (stopCues() ? 1 : 0);
  const { setComposeResult, mic } = useStore.getState();
  try {
    const [result] = await Promise.all([getApi().stopEverything(), mic.running ? stopMic() : undefined]);
    setComposeResult(null, {
      key: 'stop.done',
      params: { streams: result.streams, syntheses: result.syntheses, sequences, voices: result.voices },
    });
  } catch (error) {
    setComposeResult(errorWords(error));
  }
}

/** Stop everything ran from another window: this page's own sequence and microphone stop as well. */
export function stopHere(): void {
  cancelRunning();
  stopCues();
  if (useStore.getState().mic.running) void stopMic();
}
