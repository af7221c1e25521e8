import { useEffect, useState, type KeyboardEvent } from 'react';
import type { Cue } from '../../common/show';
import { go, selectCue, setEnglishWording, showTarget, stopCues, restartShow } from '../actions/cues';
import {
  chooseShow,
  deleteCurrentShow,
  exportCurrentShow,
  importShow,
  moveCue,
  newShow,
  removeCue,
} from '../actions/shows';
import { translator } from '../i18n';
import { word } from '../i18n/problems';
import { useStore } from '../store';
import { selectActiveShowId, selectShows } from '../store/selectors';
import { FilePickButton } from './FilePickButton';
import { TrialFields } from './TrialFields';
import { useT, useWording } from './use-t';

/* The session log is English whatever the UI's language: a cue's failure is written there in English. */
setEnglishWording((w) => word(w, translator('en')));

const NO_CUES: readonly Cue[] = [];
/** Cues put in the list per frame: a long show is drawn a slice at a time, so the page never stalls. */
const SLICE = 40;

/** The first cues at once, the rest one slice a frame (always as far as the next cue). */
function useSlices(all: readonly Cue[], next: number): readonly Cue[] {
  const [count, setCount] = useState(SLICE);
  const [of, setOf] = useState(all);
  if (of !== all) {
    setOf(all);
    setCount(SLICE);
  }
  const shown = Math.min(all.length, Math.max(count, next + SLICE));
  useEffect(() => {
    if (shown >= all.length) return;
    const frame = requestAnimationFrame(() => setCount(shown + SLICE));
    return () => cancelAnimationFrame(frame);
  }, [shown, all.length]);
  return shown >= all.length ? all : all.slice(0, shown);
}

/**
 * The show: its cues in order, GO for the next one, and the trial it belongs to. Space in the list
 * is GO, Esc stops the cue running; arrows choose, Alt+arrows move a cue.
 */
export function CuesRegion() {
  const t = useT();
  const wording = useWording();
  const shows = useStore(selectShows);
  const activeId = useStore(selectActiveShowId);
  const show = shows.find((s) => s.id === activeId) ?? shows[0];
  const next = useStore((s) => s.cueNext);
  const states = useStore((s) => s.cueStates);
  const running = useStore((s) => s.cueRunning);
  const message = useStore((s) => s.cuesMessage);
  const setEditing = useStore((s) => s.setEditingCue);
  const askConfirm = useStore((s) => s.askConfirm);
  useStore((s) => s.agents);
  const agentId = showTarget();
  const cues = useSlices(show?.cues ?? NO_CUES, next);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>): void => {
    if (!show) return;
    if (e.key === ' ') {
      e.preventDefault();
      if (!e.repeat) void go();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      stopCues();
    } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && e.altKey) {
      e.preventDefault();
      void moveCue(next, e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      selectCue(next + (e.key === 'ArrowUp' ? -1 : 1));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      selectCue(e.key === 'Home' ? 0 : show.cues.length - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      setEditing(next);
    }
  };
  const atEnd = !show || next >= show.cues.length;

  return (
    <section className="card cues" role="region" aria-label={t('cues.name')}>
      <div className="cues-head">
        <select
          className="input compact"
          aria-label={t('cues.show')}
          value={show?.id ?? ''}
          onChange={(e) => void chooseShow(e.target.value)}
        >
          {shows.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <FilePickButton
          label={t('cues.import')}
          inputLabel={t('cues.importInput')}
          accept=".json,application/json"
          onFile={(f) => void importShow(f)}
        />
        <button type="button" className="btn small" disabled={!show} onClick={() => void exportCurrentShow()}>
          {t('cues.export')}
        </button>
      </div>
      <TrialFields agentId={agentId} />
      <div className="go-row">
        <button
          type="button"
          className="btn primary go"
          disabled={!show || running !== null || agentId === null || next >= (show?.cues.length ?? 0)}
          onClick={() => void go()}
        >
          {t('cues.go')}
        </button>
        <span className="go-next" role="status" aria-label={t('cues.nextLabel')}>
          {running && show
            ? t('cues.runningCue', {
                name: show.cues[running.index]?.name ?? '',
                step: running.step + 1,
                total: running.total,
              })
            : show && next < show.cues.length
              ? t('cues.next', { name: show.cues[next]!.name })
              : t('cues.end')}
        </span>
        <button type="button" className="btn danger small" disabled={running === null} onClick={() => stopCues()}>
          {t('cues.stop')}
        </button>
      </div>
      <ul
        className="cue-list"
        role="listbox"
        aria-label={t('cues.name')}
        tabIndex={0}
        aria-activedescendant={show && next < show.cues.length ? `cue-${next}` : undefined}
        onKeyDown={onKeyDown}
      >
        {cues.map((cue, i) => {
          const state = running?.index === i ? 'running' : states[i];
          return (
            /* Named by the cue's name alone; its number, notes and state describe it. */
            <li
              key={`${i}-${cue.name}`}
              id={`cue-${i}`}
              role="option"
              aria-selected={i === next}
              aria-describedby={`cue-${i}-about`}
              className={`cue${i === next ? ' next' : ''}${state ? ` ${state}` : ''}`}
              onClick={() => selectCue(i)}
              onDoubleClick={() => setEditing(i)}
            >
              <span className="cue-n" aria-hidden="true">
                {i + 1}
              </span>
              <span className="cue-body">
                <span className="cue-name">{cue.name}</span>
                <span id={`cue-${i}-about`} className="cue-about" aria-hidden="true">
                  {cue.continue === 'auto' && <span className="cue-auto">↳ {t('cues.auto')}</span>}
                  {cue.notes && <span className="cue-notes">{cue.notes}</span>}
                  <span className="sr-label">
                    {t('cues.number', { n: i + 1 })}
                    {state ? `, ${t(`cues.state.${state}`)}` : ''}
                  </span>
                </span>
              </span>
              <span className={`chip cue-state ${state ?? (i === next ? 'next' : '')}`} aria-hidden="true">
                {state ? t(`cues.state.${state}`) : i === next ? t('cues.state.next') : ''}
              </span>
            </li>
          );
        })}
      </ul>
      <div className="cue-tools">
        <button type="button" className="btn small" disabled={!show} onClick={() => setEditing(show?.cues.length ?? 0)}>
          {t('cues.add')}
        </button>
        <button type="button" className="btn small" disabled={!show || atEnd} onClick={() => setEditing(next)}>
          {t('cues.edit')}
        </button>
        <button
          type="button"
          className="btn small"
          disabled={!show || next === 0}
          aria-label={t('cues.up')}
          onClick={() => void moveCue(next, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn small"
          disabled={!show || next >= (show?.cues.length ?? 0) - 1}
          aria-label={t('cues.down')}
          onClick={() => void moveCue(next, 1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="btn small"
          disabled={!show || (show?.cues.length ?? 0) <= 1}
          onClick={() => void removeCue(next)}
        >
          {t('cues.remove')}
        </button>
        <button type="button" className="btn ghost small" disabled={running !== null} onClick={() => restartShow()}>
          {t('cues.restart')}
        </button>
        <button
          type="button"
          className="btn ghost small"
          disabled={running !== null}
          onClick={() => void newShow(t('cues.newShowName'))}
        >
          {t('cues.newShow')}
        </button>
        <button
          type="button"
          className="btn ghost small"
          disabled={!show || running !== null || shows.length <= 1}
          onClick={() =>
            show &&
            askConfirm({
              title: { key: 'cues.deleteShowTitle', params: { name: show.name } },
              message: { key: 'cues.deleteShowMessage' },
              confirmLabel: { key: 'cues.deleteShow' },
              onConfirm: () => void deleteCurrentShow(),
            })
          }
        >
          {t('cues.deleteShow')}
        </button>
      </div>
      {message && (
        <p className={message.error ? 'text-error' : 'hint'} role={message.error ? 'alert' : 'status'}>
          {wording(message.words)}
        </p>
      )}
    </section>
  );
}
