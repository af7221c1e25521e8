import { useEffect, useRef, useState } from 'react';
import { loadAudioFile, stopStreaming, streamLoadedFile } from '../actions/audio';
import { useWording, useT } from './use-t';
import { useStore } from '../store';
import { selectModelAlias, selectTargetAudio } from '../store/selectors';
import { savePrefs } from '../actions/prefs';
import { FilePickButton } from './FilePickButton';
import { MicSection } from './MicSection';
import { SayIt } from './SayIt';
import { TargetPicker } from './TargetPicker';
import { Waveform } from './Waveform';

const ACCEPT = 'audio/*,.wav,.mp3,.ogg,.oga,.opus,.flac,.m4a,.aac,.webm';

const clock = (ms: number): string => {
  const s = Math.max(0, ms) / 1000;
  return `${Math.floor(s / 60)}:${(s % 60).toFixed(1).padStart(4, '0')}`;
};

/**
 * Make the avatar speak, in two tabs of the dock so each fits without scrolling: text (Say it), or
 * audio (a file, or the microphone), streamed with lip sync. Both name the agent and the model.
 */
export function SpeechCard({ part }: { part: 'say' | 'audio' }) {
  const t = useT();
  const word = useWording();
  const error = useStore((s) => s.audioError);
  const notice = useStore((s) => s.audioNotice);
  return (
    <section className="card" aria-labelledby="speech-title">
      <div className="card-head">
        <h2 id="speech-title">{t('speech.title')}</h2>
        <TargetPicker className="input small" label={t('speech.to')} />
      </div>
      <ModelAlias />
      {part === 'say' ? (
        <SayIt />
      ) : (
        <>
          <FileSection />
          <MicSection />
        </>
      )}
      {error ? (
        <p role="alert" className="text-error small-text">
          {word(error)}
        </p>
      ) : notice ? (
        <p className="muted small-text">{word(notice)}</p>
      ) : null}
    </section>
  );
}

function ModelAlias() {
  const t = useT();
  const saved = useStore(selectModelAlias);
  const scene = useStore((s) => s.scene);
  const target = useStore((s) => s.target);
  const [value, setValue] = useState(saved);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /* The saved alias arrives with the settings (and may change elsewhere); it shows unless the operator is typing. */
  useEffect(() => {
    if (!timer.current) setValue(saved);
  }, [saved]);
  const agents = target === 'all' ? Object.keys(scene).map(Number) : [target];
  const aliases = [...new Set(agents.flatMap((id) => scene[id]?.models ?? []))];

  const change = (next: string): void => {
    setValue(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      if (next.trim()) void savePrefs({ modelAlias: next.trim() });
    }, 400);
  };

  return (
    <div className="field compact">
      <label htmlFor="model-alias">{t('speech.alias')}</label>
      <input
        id="model-alias"
        className="input"
        list="model-aliases"
        value={value}
        onChange={(e) => change(e.target.value)}
        aria-label={t('speech.alias')}
        spellCheck={false}
      />
      <datalist id="model-aliases">
        {aliases.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <p className="hint">{t('speech.aliasHint')}</p>
    </div>
  );
}

function FileSection() {
  const t = useT();
  const file = useStore((s) => s.file);
  const decoding = useStore((s) => s.decoding);
  const whenBusy = useStore((s) => s.whenBusy);
  const setWhenBusy = useStore((s) => s.setWhenBusy);
  const current = useStore(selectTargetAudio);
  const streaming = current?.state === 'file';
  const total = current?.totalMs ?? 0;
  const sent = Math.min(current?.sentMs ?? 0, total);
  const progress = streaming && total ? sent / total : 0;

  return (
    <div className="subsection">
      <h3>{t('speech.file')}</h3>
      <div className="file-pick">
        <FilePickButton
          label={t('speech.choose')}
          inputLabel={t('speech.file')}
          accept={ACCEPT}
          onFile={(f) => void loadAudioFile(f)}
        />
        {!file && <span className="muted">{t('speech.noFile')}</span>}
      </div>
      <p className="hint">{t('speech.drop')}</p>
      {decoding && <p className="muted small-text">{t('speech.decoding')}</p>}
      {file && (
        <div className="file-info">
          <div className="file-name" title={file.name}>
            <strong>{file.name}</strong> <span className="muted">{clock(file.durationMs)}</span>
          </div>
          <Waveform peaks={file.peaks} progress={streaming && current?.name === file.name ? progress : 0} />
        </div>
      )}
      <div className="busy-choice" role="radiogroup" aria-label={t('speech.whenBusy')}>
        <span className="muted">{t('speech.ifBusy')}</span>
        {(['queue', 'replace'] as const).map((v) => (
          <label key={v}>
            <input type="radio" name="when-busy" checked={whenBusy === v} onChange={() => setWhenBusy(v)} />{' '}
            {v === 'queue' ? t('speech.queue') : t('speech.replace')}
          </label>
        ))}
      </div>
      <div className="button-row">
        <button
          type="button"
          className="btn primary small"
          disabled={!file || decoding}
          onClick={() => void streamLoadedFile()}
        >
          {t('speech.stream')}
        </button>
        <button type="button" className="btn small" disabled={!streaming} onClick={() => void stopStreaming()}>
          {t('speech.stop')}
        </button>
      </div>
      {streaming && (
        <div className="progress-wrap">
          <div
            className="progress"
            role="progressbar"
            aria-label={t('speech.progress')}
            aria-valuemin={0}
            aria-valuemax={Math.round(total)}
            aria-valuenow={Math.round(sent)}
          >
            <div className="progress-fill" style={{ width: `${progress * 100}%` }} />
          </div>
          <span className="small-text">
            {current?.name}: {clock(sent)} / {clock(total)}
          </span>
        </div>
      )}
      {current && current.queued.length > 0 && (
        <p className="muted small-text">{t('speech.queued', { names: current.queued.join(', ') })}</p>
      )}
    </div>
  );
}
