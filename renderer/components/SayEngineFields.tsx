import { useEffect, useRef, useState } from 'react';
import { SLIDER_RANGES, type SpeechEngine, type SpeechSliders } from '../../common/speech';
import { engineUrl, loadKeyState, loadVoices, saveSpeech, setSpeechKey } from '../actions/say';
import type { Words } from '../i18n';
import { useStore } from '../store';
import { DraftInput } from './DraftInput';
import { useWording, useT } from './use-t';

/** What the HTTP engines need: their URL; VOICEVOX's sliders; OpenAI's model and write-only key. */
export function SayEngineFields({ engine }: { engine: SpeechEngine }) {
  if (engine !== 'voicevox' && engine !== 'openai') return null;
  return (
    <>
      <EngineUrl engine={engine} />
      {engine === 'voicevox' ? <Sliders /> : <OpenAiFields />}
    </>
  );
}

function EngineUrl({ engine }: { engine: 'voicevox' | 'openai' }) {
  const t = useT();
  const key = engine === 'voicevox' ? 'voicevoxUrl' : 'openaiUrl';
  const saved = useStore((s) => s.settings?.speech[key] ?? '');
  const commit = async (value: string): Promise<void> => {
    if ((await saveSpeech({ [key]: engineUrl(value) })) === null && engine === 'voicevox') void loadVoices('voicevox');
  };
  return (
    <div className="field compact">
      <label htmlFor="say-url">{t('say.url')}</label>
      <DraftInput
        key={saved}
        id="say-url"
        className="input full mono"
        saved={saved}
        spellCheck={false}
        onCommit={(v) => void commit(v)}
      />
    </div>
  );
}

function Sliders() {
  const t = useT();
  const saved = useStore((s) => s.settings?.speech.sliders);
  const [draft, setDraft] = useState(saved);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!timer.current) setDraft(saved);
  }, [saved]);
  const unsaved = useRef<SpeechSliders | null>(null);
  /* Leaving the region (another engine) saves a drag that has not been saved yet. */
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (unsaved.current) void saveSpeech({ sliders: unsaved.current });
    },
    [],
  );
  if (!draft) return null;
  /* A drag moves the value at once and is saved once it rests. */
  const change = (name: keyof SpeechSliders, value: number): void => {
    const next = { ...draft, [name]: value };
    setDraft(next);
    unsaved.current = next;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      unsaved.current = null;
      void saveSpeech({ sliders: next });
    }, 300);
  };
  return (
    <div className="say-sliders">
      {(Object.keys(SLIDER_RANGES) as (keyof SpeechSliders)[]).map((name) => {
        const r = SLIDER_RANGES[name];
        return (
          <label key={name} className="say-slider">
            <span>{t(`say.${name}`)}</span>
            <input
              type="range"
              min={r.min}
              max={r.max}
              step={r.step}
              value={draft[name]}
              aria-label={t(`say.${name}`)}
              onChange={(e) => change(name, Number(e.target.value))}
            />
            <span className="say-value">{draft[name].toFixed(2)}</span>
          </label>
        );
      })}
    </div>
  );
}

function OpenAiFields() {
  const t = useT();
  const word = useWording();
  const model = useStore((s) => s.settings?.speech.openaiModel ?? '');
  const keyState = useStore((s) => s.keyState);
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<Words | null>(null);
  useEffect(() => void loadKeyState(), []);
  const store = async (value: string | null): Promise<void> => {
    const found = await setSpeechKey(value);
    setProblem(found);
    if (!found) setKey('');
  };
  return (
    <>
      <div className="field compact">
        <label htmlFor="say-model">{t('say.model')}</label>
        <DraftInput
          key={model}
          id="say-model"
          className="input full mono"
          saved={model}
          spellCheck={false}
          onCommit={(v) => void saveSpeech({ openaiModel: v })}
        />
      </div>
      <div className="field compact">
        <label htmlFor="say-key">{t('say.key')}</label>
        <div className="input-with-button">
          {/* Write-only: what is typed goes to the core once and is never shown or read back. */}
          <input
            id="say-key"
            className="input mono"
            type="password"
            autoComplete="off"
            value={key}
            onChange={(e) => setKey(e.target.value)}
          />
          <button type="button" className="btn small" onClick={() => void store(key)}>
            {t('say.keySave')}
          </button>
          <button type="button" className="btn small" disabled={!keyState?.set} onClick={() => void store(null)}>
            {t('say.keyClear')}
          </button>
        </div>
        <p className="hint">
          {keyState?.set ? t('say.keySet') : t('say.keyNone')}{' '}
          {keyState
            ? t(keyState.weak ? 'say.keyWeak' : keyState.store === 'safeStorage' ? 'say.keySafe' : 'say.keyFile')
            : ''}
        </p>
        {problem && (
          <p role="alert" className="text-error small-text">
            {word(problem)}
          </p>
        )}
      </div>
    </>
  );
}
