import { useEffect, useRef, useState } from 'react';
import { SPEECH_ENGINES, type SpeechEngine } from '../../common/speech';
import { loadVoices, saveSpeech, saveVoice, sayText, stopSpeech } from '../actions/say';
import { useStore } from '../store';
import { selectSpeechEngine, selectTargetAudio } from '../store/selectors';
import { DraftInput } from './DraftInput';
import { SayEngineFields } from './SayEngineFields';
import { useWording, useT } from './use-t';

/** Say it: type a line and the avatar speaks it, in its own voice or one the panel synthesizes. */
export function SayIt() {
  const t = useT();
  const engine = useStore(selectSpeechEngine);
  /* Each engine's voices are fetched once when it is picked; "Reload voices" asks again. */
  useEffect(() => {
    if (!useStore.getState().voiceLists[engine]) void loadVoices(engine);
  }, [engine]);
  return (
    <section role="region" aria-label={t('say.title')} className="subsection say">
      <h3>{t('say.title')}</h3>
      <div className="field compact">
        <label htmlFor="say-engine">{t('say.engine')}</label>
        <select
          id="say-engine"
          className="input full"
          value={engine}
          onChange={(e) => void saveSpeech({ engine: e.target.value as SpeechEngine })}
        >
          {SPEECH_ENGINES.map((e) => (
            <option key={e} value={e}>
              {t(`say.engine.${e}`)}
            </option>
          ))}
        </select>
        <p className="hint">{t(`say.${engine}Hint`)}</p>
      </div>
      <SayEngineFields engine={engine} />
      <VoicePicker engine={engine} />
      <SayBox />
    </section>
  );
}

function VoicePicker({ engine }: { engine: SpeechEngine }) {
  const t = useT();
  const word = useWording();
  const voice = useStore((s) => s.settings?.speech.voices[engine] ?? '');
  const list = useStore((s) => s.voiceLists[engine]);
  const voices = list?.voices ?? [];
  /* The agent's and OpenAI's voices are open-ended: a free text box with suggestions. The others are lists. */
  const free = engine === 'agent' || engine === 'openai';
  return (
    <div className="field compact">
      <label htmlFor="say-voice">{t('say.voice')}</label>
      <div className="input-with-button">
        {free ? (
          <>
            <DraftInput
              key={`${engine}:${voice}`}
              id="say-voice"
              className="input"
              list="say-voices"
              saved={voice}
              spellCheck={false}
              onCommit={(v) => void saveVoice(engine, v)}
            />
            <datalist id="say-voices">
              {voices.map((v) => (
                <option key={v.id} value={v.id} />
              ))}
            </datalist>
          </>
        ) : (
          <select
            id="say-voice"
            className="input"
            value={voice}
            onChange={(e) => void saveVoice(engine, e.target.value)}
          >
            <option value="">
              {list?.loading ? t('say.loading') : engine === 'system' ? t('say.defaultVoice') : t('say.voicePick')}
            </option>
            {voice && !voices.some((v) => v.id === voice) && <option value={voice}>{voice}</option>}
            {voices.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        )}
        <button type="button" className="btn small" onClick={() => void loadVoices(engine)} disabled={list?.loading}>
          {t('say.reload')}
        </button>
      </div>
      {list?.problem ? (
        <p role="alert" className="text-error small-text">
          {word(list.problem)}
        </p>
      ) : list && !list.loading && voices.length === 0 && !free ? (
        <p className="hint">{t('say.noVoices')}</p>
      ) : null}
    </div>
  );
}

function SayBox() {
  const t = useT();
  const word = useWording();
  const busy = useStore((s) => s.sayBusy);
  const message = useStore((s) => s.sayMessage);
  const history = useStore((s) => s.sayHistory);
  const speaking = useSpeaking();
  const [text, setText] = useState('');
  /* Where ↑/↓ is in the history; history.length is the line being typed. */
  const [at, setAt] = useState<number | null>(null);
  const typed = useRef('');

  const submit = async (): Promise<void> => {
    if (await sayText(text)) {
      setText('');
      setAt(null);
    }
  };
  const walk = (step: -1 | 1): boolean => {
    const from = at ?? history.length;
    const to = Math.min(history.length, Math.max(0, from + step));
    if (to === from) return false;
    if (at === null) typed.current = text;
    setAt(to === history.length ? null : to);
    setText(to === history.length ? typed.current : history[to]!);
    return true;
  };
  const onKey = (e: React.KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
      return;
    }
    const box = e.currentTarget;
    const firstLine = !box.value.slice(0, box.selectionStart).includes('\n');
    const lastLine = !box.value.slice(box.selectionEnd).includes('\n');
    if (e.key === 'ArrowUp' && firstLine && walk(-1)) e.preventDefault();
    else if (e.key === 'ArrowDown' && lastLine && walk(1)) e.preventDefault();
  };

  return (
    <div className="field compact">
      <label htmlFor="say-text">{t('say.text')}</label>
      <textarea
        id="say-text"
        className="input full say-text"
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
        spellCheck={false}
      />
      <p className="hint">{t('say.textHint')}</p>
      <div className="button-row">
        <button type="button" className="btn primary small" onClick={() => void submit()}>
          {t('say.say')}
        </button>
        <button type="button" className="btn small" onClick={() => void stopSpeech()}>
          {t('say.stop')}
        </button>
        {busy && <span className="muted small-text">{t('say.synthesizing')}</span>}
      </div>
      {speaking && <p className="muted small-text say-speaking">{t('say.speaking', { name: speaking })}</p>}
      {/* Always in the page, so screen readers announce what appears in it. */}
      <p role="status" className="small-text muted">
        {message && !message.error ? word(message.words) : ''}
      </p>
      {message?.error && (
        <p role="alert" className="small-text text-error">
          {word(message.words)}
        </p>
      )}
    </div>
  );
}

/** What the Speech card's agent is saying now, streamed by the panel. */
function useSpeaking(): string | null {
  const mine = useStore(selectTargetAudio);
  return mine?.state === 'speech' ? (mine.name ?? '') : null;
}
