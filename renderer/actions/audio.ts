/** What the Speech card does: load and stream files, run the microphone. */
import { getApi } from '../bridge/connect';
import { openPostPort } from '../bridge/post-port';
import { useStore } from '../store';
import { selectAudioAgentId } from '../store/selectors';
import { SILENT_DB } from '../store/audio-slice';
import { AudioFileError, decodeAudioFile } from '../audio/decode-file';
import { MicCapture, micProblem } from '../audio/mic-capture';
import type { Words } from '../i18n';
import { errorWords } from './errors';

/** The one agent audio goes to: the Target, or the only agent when Target is "all". */
export function audioTarget(): { agentId: number } | { error: Words } {
  const s = useStore.getState();
  const agentId = selectAudioAgentId(s);
  if (agentId !== null) return { agentId };
  return { error: s.agents.length === 0 ? { problem: { key: 'noAgent' } } : { key: 'audio.chooseAgent' } };
}

export async function loadAudioFile(file: File): Promise<void> {
  const s = useStore.getState();
  s.setDecoding(true);
  s.setAudioMessage(null);
  try {
    const decoded = await decodeAudioFile(file, s.settings?.audioMaxSec ?? 600);
    useStore.getState().setFile({ name: file.name, ...decoded });
  } catch (error) {
    useStore.getState().setFile(null);
    useStore
      .getState()
      .setAudioMessage(
        error instanceof AudioFileError
          ? error.words
          : { key: 'audio.unreadable', params: { name: file.name, error: (error as Error).message } },
      );
  } finally {
    useStore.getState().setDecoding(false);
  }
}

export async function streamLoadedFile(): Promise<void> {
  const s = useStore.getState();
  if (!s.file) return s.setAudioMessage({ key: 'audio.chooseFile' });
  const to = audioTarget();
  if ('error' in to) return s.setAudioMessage(to.error);
  const { pcm, name } = s.file;
  const result = await getApi().streamFile({
    agentId: to.agentId,
    alias: s.settings?.modelAlias ?? '0',
    name,
    pcm: new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength),
    whenBusy: s.whenBusy,
  });
  if (!result.ok) s.setAudioMessage({ problem: result.problem });
  else
    s.setAudioMessage(
      null,
      result.queued > 0
        ? { key: 'audio.queued', params: { name, n: result.queued } }
        : { key: 'audio.streaming', params: { name, agentId: to.agentId } },
    );
}

export async function stopStreaming(): Promise<void> {
  const to = audioTarget();
  if ('error' in to) return;
  const result = await getApi().stopAudio(to.agentId);
  if (!result.ok) useStore.getState().setAudioMessage({ problem: result.problem });
}

let capture: MicCapture | null = null;
let micTarget: number | null = null;
let unwatchMic: (() => void) | null = null;

/** Whether the microphone's chunks go out: not muted, and push-to-talk held if it is set. */
export const micOpen = (m: { muted: boolean; pttKey: string | null; pttDown: boolean }): boolean =>
  !m.muted && (m.pttKey === null || m.pttDown);

const dbfs = (x: number): number => (x > 0 ? Math.max(SILENT_DB, 20 * Math.log10(x)) : SILENT_DB);

export async function startMic(): Promise<void> {
  const s = useStore.getState();
  if (s.mic.running || s.mic.starting) return;
  const to = audioTarget();
  if ('error' in to) return s.setAudioMessage(to.error);
  s.setMic({ starting: true });
  s.setAudioMessage(null);
  const api = getApi();
  const begun = await api.micStart(to.agentId, s.settings?.modelAlias ?? '0');
  if (!begun.ok) {
    useStore.getState().setMic({ starting: false });
    return useStore.getState().setAudioMessage({ problem: begun.problem });
  }
  micTarget = to.agentId;
  capture = new MicCapture();
  const c = capture;
  /* Mute and push-to-talk gate the chunks on the audio thread, which sends them past this one. */
  unwatchMic = useStore.subscribe((now, prev) => {
    if (now.mic !== prev.mic && micOpen(now.mic) !== micOpen(prev.mic)) c.setOpen(micOpen(now.mic));
  });
  try {
    await c.start({
      deviceId: s.mic.deviceId || undefined,
      echoCancellation: s.mic.echoCancellation,
      noiseSuppression: s.mic.noiseSuppression,
      autoGainControl: s.mic.autoGainControl,
      sink: openPostPort('audio:mic-chunk'),
      target: to.agentId,
      open: micOpen(useStore.getState().mic),
      onLevel: (_rms, peak) => {
        const patch: { levelDb: number; clipUntil?: number } = { levelDb: dbfs(_rms) };
        if (peak >= 0.999) patch.clipUntil = Date.now() + 1500;
        useStore.getState().setMic(patch);
      },
      onEnded: (reason) => void stopMic(reason),
    });
    useStore.getState().setMic({ running: true, starting: false });
    await refreshDevices();
  } catch (error) {
    await stopMic(micProblem(error));
  }
}

export async function stopMic(reason?: Words): Promise<void> {
  unwatchMic?.();
  unwatchMic = null;
  const c = capture;
  capture = null;
  await c?.stop();
  if (micTarget !== null)
    await getApi()
      .micStop(micTarget)
      .catch(() => undefined);
  micTarget = null;
  useStore.getState().setMic({ running: false, starting: false, levelDb: SILENT_DB, pttDown: false });
  if (reason) useStore.getState().setAudioMessage(reason);
}

/** Device labels appear once microphone permission has been granted. */
export async function refreshDevices(): Promise<void> {
  if (!navigator.mediaDevices?.enumerateDevices) return;
  const list = await navigator.mediaDevices.enumerateDevices();
  const inputs = list.filter((d) => d.kind === 'audioinput');
  useStore.getState().setDevices(inputs.map((d) => ({ deviceId: d.deviceId, label: d.label })));
}

/** The agent the microphone streams to, while it does. */
export const micAgent = (): number | null => micTarget;

/** A `stream` step: a WAV file on the panel's machine, to one agent's model. */
export async function streamStep(agentId: number, alias: string, path: string): Promise<Words | null> {
  try {
    const result = await getApi().streamPath(agentId, alias, path);
    return result.ok ? null : { problem: result.problem };
  } catch (error) {
    return errorWords(error);
  }
}
