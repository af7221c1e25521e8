/** What the Say it region does: pick an engine and voice, say a text, stop, and set the engine key. */
import type { Step } from '../../common/quick-commands';
import type { SayResult, SpeechEngine, SpeechSettings } from '../../common/speech';
import { DEFAULT_SPEECH } from '../../common/speech';
import { getApi } from '../bridge/connect';
import type { Words } from '../i18n';
import { useStore } from '../store';
import { audioTarget } from './audio';
import { errorWords } from './errors';
import { savePrefs } from './prefs';

export function speechSettings(): SpeechSettings {
  return useStore.getState().settings?.speech ?? DEFAULT_SPEECH;
}

/** Saves part of the Say settings (the rest as they are); a refusal is shown in the Say it region and undone. */
export async function saveSpeech(patch: Partial<SpeechSettings>): Promise<Words | null> {
  const problem = await savePrefs({ speech: { ...speechSettings(), ...patch } });
  if (problem) useStore.getState().setSayMessage({ error: true, words: problem });
  return problem;
}

/** An engine address as typed: "127.0.0.1:50021" means http://127.0.0.1:50021. */
export function engineUrl(typed: string): string {
  const t = typed.trim();
  return t === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `http://${t}`;
}

export function saveVoice(engine: SpeechEngine, voice: string): Promise<Words | null> {
  return saveSpeech({ voices: { ...speechSettings().voices, [engine]: voice } });
}

/** Each engine's latest voice-list request: an older, slower answer never overwrites a newer one. */
const voiceRequests = new Map<SpeechEngine, number>();

/** Asks the core for the engine's voices (the core calls the engine: no CORS, no keys here). */
export async function loadVoices(engine: SpeechEngine = speechSettings().engine): Promise<void> {
  const mine = (voiceRequests.get(engine) ?? 0) + 1;
  voiceRequests.set(engine, mine);
  const latest = (): boolean => voiceRequests.get(engine) === mine;
  useStore.getState().setVoiceList(engine, { loading: true, problem: null });
  try {
    const result = await getApi().voices(engine);
    if (latest())
      useStore
        .getState()
        .setVoiceList(
          engine,
          result.ok
            ? { voices: result.voices, loading: false }
            : { loading: false, problem: { problem: result.problem } },
        );
  } catch (error) {
    if (latest()) useStore.getState().setVoiceList(engine, { loading: false, problem: errorWords(error) });
  }
}

/** What a Say answered, in words; `ok` says whether the text went out (so the box may be cleared). */
export function sayOutcome(
  result: SayResult,
  id: number,
  voice: string,
): { ok: boolean; error: boolean; words: Words } {
  if (!result.ok)
    return 'cancelled' in result
      ? { ok: false, error: false, words: { key: 'say.cancelled' } }
      : { ok: false, error: true, words: { problem: result.problem } };
  const engine: Words = { key: `engine.${result.engine}` };
  if (result.engine === 'agent')
    return { ok: true, error: false, words: { key: 'say.sentAgent', params: { agentId: id, voice } } };
  if (result.queued) return { ok: true, error: false, words: { key: 'say.queued', params: { agentId: id, engine } } };
  if (result.replaced)
    return {
      ok: true,
      error: false,
      words: { key: 'say.startedReplacing', params: { agentId: id, engine, name: result.replaced } },
    };
  return { ok: true, error: false, words: { key: 'say.started', params: { agentId: id, engine } } };
}

/** Says waiting for their first sentence; another may be asked for meanwhile (the core queues or replaces). */
let pending = 0;

/** Say it to the Speech card's agent and model. True when it went out (the text box may be cleared). */
export async function sayText(text: string): Promise<boolean> {
  const s = useStore.getState();
  const to = audioTarget();
  if ('error' in to) {
    s.setSayMessage({ error: true, words: to.error });
    return false;
  }
  const speech = speechSettings();
  pending++;
  s.setSayBusy(true);
  s.setSayMessage(null);
  try {
    const result = await getApi().say({
      agentId: to.agentId,
      alias: s.settings?.modelAlias ?? '0',
      text,
      whenBusy: s.whenBusy,
    });
    const outcome = sayOutcome(result, to.agentId, speech.voices[speech.engine]);
    useStore.getState().setSayMessage({ error: outcome.error, words: outcome.words });
    if (outcome.ok) useStore.getState().rememberSaid(text.trim());
    return outcome.ok;
  } catch (error) {
    useStore.getState().setSayMessage({ error: true, words: errorWords(error) });
    return false;
  } finally {
    pending--;
    useStore.getState().setSayBusy(pending > 0);
  }
}

export async function stopSpeech(): Promise<void> {
  const s = useStore.getState();
  const to = audioTarget();
  if ('error' in to) return s.setSayMessage({ error: true, words: to.error });
  try {
    const result = await getApi().stopSpeech(to.agentId, s.settings?.modelAlias ?? '0');
    useStore
      .getState()
      .setSayMessage(
        result.ok
          ? { error: false, words: { key: 'say.stopped' } }
          : { error: true, words: { problem: result.problem } },
      );
  } catch (error) {
    useStore.getState().setSayMessage({ error: true, words: errorWords(error) });
  }
}

export async function loadKeyState(): Promise<void> {
  try {
    useStore.getState().setKeyState(await getApi().speechKeyState());
  } catch {
    useStore.getState().setKeyState(null);
  }
}

/** Write-only: the key goes to the core and is never read back. Null clears it. */
export async function setSpeechKey(key: string | null): Promise<Words | null> {
  if (key !== null && key.trim() === '') return { key: 'say.keyEmpty' };
  try {
    const result = await getApi().setSpeechKey(key);
    if (!result.ok) return { problem: result.problem };
    useStore.getState().setKeyState(result.state);
    return null;
  } catch (error) {
    return errorWords(error);
  }
}

/** A quick command's `say` step: the Speech card's model, the step's own engine and voice if it has them; it queues behind what plays. */
export async function sayStep(agentId: number, step: Extract<Step, { kind: 'say' }>): Promise<Words | null> {
  const s = useStore.getState();
  const result = await getApi().say({
    agentId: agentId,
    alias: s.settings?.modelAlias ?? '0',
    text: step.text,
    engine: step.engine,
    voice: step.voice,
    whenBusy: 'queue',
  });
  if (result.ok) return null;
  return 'cancelled' in result ? { key: 'say.cancelled' } : { problem: result.problem };
}
