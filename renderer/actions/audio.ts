/** What the Speak panel does: load and stream files, run the microphone. */
import { getApi } from '../bridge/connect';
import { openPostPort } from '../bridge/post-port';
import { usePanel } from '../store';
import { SILENT_DB } from '../store/audio-slice';
import { AudioFileError, decodeAudioFile } from '../audio/decode-file';
import { MicCapture, micProblem } from '../audio/mic-capture';
import type { Words } from '../i18n';

/** The one agent audio goes to: the Target, or the only agent when Target is "all". */
export function audioTarget(): { id: number } | { error: Words } {
  const { target, sessions } = usePanel.getState();
  if (target !== 'all') return { id: target };
  if (sessions.length === 1) return { id: sessions[0]!.id };
  if (sessions.length === 0) return { error: { problem: { key: 'noAgent' } } };
  return { error: { key: 'audio.chooseAgent' } };
}

export async function loadAudioFile(file: File): Promise<void> {
  const s = usePanel.getState();
  s.setDecoding(true);
  s.setAudioMessage(null);
  try {
    const decoded = await decodeAudioFile(file, s.settings?.audioMaxSec ?? 600);
    usePanel.getState().setFile({ name: file.name, ...decoded });
  } catch (error) {
    usePanel.getState().setFile(null);
    usePanel
      .getState()
      .setAudioMessage(
        error instanceof AudioFileError
          ? error.words
          : { key: 'audio.unreadable', params: { name: file.name, error: (error as Error).message } },
      );
  } finally {
    usePanel.getState().setDecoding(false);
  }
}

export async function streamLoadedFile(): Promise<void> {
  const s = usePanel.getState();
  if (!s.file) return s.setAudioMessage({ key: 'audio.chooseFile' });
  const to = audioTarget();
  if ('error' in to) return s.setAudioMessage(to.error);
  const { pcm, name } = s.file;
  const result = await getApi().streamFile({
    target: to.id,
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
        : { key: 'audio.streaming', params: { name, id: to.id } },
    );
}

export async function stopStreaming(): Promise<void> {
  const to = audioTarget();
  if ('error' in to) return;
  const result = await getApi().stopAudio(to.id);
  if (!result.ok) usePanel.getState().setAudioMessage({ problem: result.problem });
}

let capture: MicCapture | null = null;
let micTarget: number | null = null;
let unwatchMic: (() => void) | null = null;

/** Whether the microphone's chunks go out: not muted, and push-to-talk held if it is set. */
export const micOpen = (m: { muted: boolean; pttKey: string | null; pttDown: boolean }): boolean =>
  !m.muted && (m.pttKey === null || m.pttDown);

const dbfs = (x: number): number => (x > 0 ? Math.max(SILENT_DB, 20 * Math.log10(x)) : SILENT_DB);

export async function startMic(): Promise<void> {
  const s = usePanel.getState();
  if (s.mic.running || s.mic.starting) return;
  const to = audioTarget();
  if ('error' in to) return s.setAudioMessage(to.error);
  s.setMic({ starting: true });
  s.setAudioMessage(null);
  const api = getApi();
  const begun = await api.micStart(to.id, s.settings?.modelAlias ?? '0');
  if (!begun.ok) {
    usePanel.getState().setMic({ starting: false });
    return usePanel.getState().setAudioMessage({ problem: begun.problem });
  }
  micTarget = to.id;
  capture = new MicCapture();
  const c = capture;
  /* Mute and push-to-talk gate the chunks on the audio thread, which sends them past this one. */
  unwatchMic = usePanel.subscribe((now, prev) => {
    if (now.mic !== prev.mic && micOpen(now.mic) !== micOpen(prev.mic)) c.setOpen(micOpen(now.mic));
  });
  try {
    await c.start({
      deviceId: s.mic.deviceId || undefined,
      echoCancellation: s.mic.echoCancellation,
      noiseSuppression: s.mic.noiseSuppression,
      autoGainControl: s.mic.autoGainControl,
      sink: openPostPort('audio:mic-chunk'),
      target: to.id,
      open: micOpen(usePanel.getState().mic),
      onLevel: (_rms, peak) => {
        const patch: { levelDb: number; clipUntil?: number } = { levelDb: dbfs(_rms) };
        if (peak >= 0.999) patch.clipUntil = Date.now() + 1500;
        usePanel.getState().setMic(patch);
      },
      onEnded: (reason) => void stopMic(reason),
    });
    usePanel.getState().setMic({ running: true, starting: false });
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
  usePanel.getState().setMic({ running: false, starting: false, levelDb: SILENT_DB, pttDown: false });
  if (reason) usePanel.getState().setAudioMessage(reason);
}

/** Device labels appear once microphone permission has been granted. */
export async function refreshDevices(): Promise<void> {
  if (!navigator.mediaDevices?.enumerateDevices) return;
  const list = await navigator.mediaDevices.enumerateDevices();
  const inputs = list.filter((d) => d.kind === 'audioinput');
  usePanel.getState().setDevices(inputs.map((d) => ({ deviceId: d.deviceId, label: d.label })));
}

/** A stream stops, with a message, when its agent leaves (MMDAgent-EX forgets it anyway). */
export function watchAgentLoss(): () => void {
  return usePanel.subscribe((s, prev) => {
    if (s.sessions === prev.sessions) return;
    const gone = (id: number): boolean => !s.sessions.some((x) => x.id === id);
    if (micTarget !== null && s.mic.running && gone(micTarget)) {
      void stopMic({ key: 'audio.micAgentLeft', params: { id: micTarget } });
      return;
    }
    const lost = s.audioStatus.find((a) => a.state === 'file' && gone(a.session));
    if (lost) s.setAudioMessage({ key: 'audio.fileAgentLeft', params: { id: lost.session, name: lost.name ?? '' } });
  });
}
