import { useEffect, useRef, useState } from 'react';
import type { EntryKind, LogEntry } from '../../common/log';
import { useWording, useT } from './use-t';
import { clockTime, formatCount } from '../lib/format';
import { useStore } from '../store';
import { selectPaused, selectProxyOn } from '../store/selectors';
import { FilePickButton } from './FilePickButton';
import { DIRECTIONS, directionKey } from './LogRow';
import { exportView, openLogFile } from '../actions/log';
import { TypeChips } from './TypeChips';

const KINDS: EntryKind[] = ['event', 'command', 'control', 'status', 'warning', 'error'];

/** Filters, rate, pause, clear, export, and opening a previous session's log read-only. */
export function LogToolbar() {
  const t = useT();
  const word = useWording();
  const filters = useStore((s) => s.filters);
  const setFilters = useStore((s) => s.setFilters);
  const filterAgent = useStore((s) => s.filterAgent);
  const setFilterAgent = useStore((s) => s.setFilterAgent);
  const filterError = useStore((s) => s.filterError);
  const agents = useStore((s) => s.agents);
  const labels = useStore((s) => s.agentLabels);
  const everMulti = useStore((s) => s.everMulti);
  const proxy = useStore(selectProxyOn);
  const paused = useStore(selectPaused);
  const setPaused = useStore((s) => s.setPaused);
  const clearView = useStore((s) => s.clearView);
  const viewing = useStore((s) => s.viewing);
  const closeViewing = useStore((s) => s.closeViewing);

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label={t('log.tools')}>
        <span className={`filter-box ${filterError ? 'invalid' : ''}`}>
          <input
            id="log-filter"
            className="input filter"
            type="search"
            placeholder={filters.regex ? t('log.filterRegexPlaceholder') : t('log.filterPlaceholder')}
            aria-label={t('log.filter')}
            aria-invalid={filterError ? true : undefined}
            value={filters.text}
            onChange={(e) => setFilters({ text: e.target.value })}
          />
          <button
            type="button"
            className={`btn small regex ${filters.regex ? 'active' : ''}`}
            aria-pressed={filters.regex}
            aria-label={t('log.regex')}
            title={t('log.regex')}
            onClick={() => setFilters({ regex: !filters.regex })}
          >
            .*
          </button>
        </span>
        <select
          className="input dir-filter"
          aria-label={t('log.direction')}
          value={filters.dir}
          onChange={(e) => setFilters({ dir: e.target.value as LogEntry['dir'] | 'all' })}
        >
          <option value="all">{t('log.allDirections')}</option>
          {(Object.keys(DIRECTIONS) as LogEntry['dir'][]).map((d) => (
            <option key={d} value={d}>
              {t(directionKey(d, proxy))}
            </option>
          ))}
        </select>
        <select
          className="input dir-filter"
          aria-label={t('log.kind')}
          value={filters.kind}
          onChange={(e) => setFilters({ kind: e.target.value as EntryKind | 'all' })}
        >
          <option value="all">{t('log.allKinds')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
        {(everMulti || agents.length > 1) && (
          <select
            className="input dir-filter"
            aria-label={t('log.agent')}
            value={String(filterAgent)}
            onChange={(e) => setFilterAgent(e.target.value === 'all' ? 'all' : Number(e.target.value))}
          >
            <option value="all">{t('log.allAgents')}</option>
            {agents.map((s) => (
              <option key={s.agentId} value={s.agentId}>
                {labels[s.agentId] ?? `#${s.agentId}`}
              </option>
            ))}
          </select>
        )}
        <TrialFilter />
        <div className="spacer" />
        {!viewing && (
          <>
            <button
              type="button"
              className={`btn small ${paused ? 'active' : ''}`}
              aria-pressed={paused}
              onClick={() => setPaused(!paused)}
            >
              {paused ? t('log.resume') : t('log.pause')}
            </button>
            <button type="button" className="btn small" onClick={clearView} title={t('log.clearTitle')}>
              {t('log.clear')}
            </button>
          </>
        )}
        <details className="menu">
          <summary className="btn small">{t('log.fileMenu')}</summary>
          <div className="menu-items">
            <button
              type="button"
              className="btn small"
              onClick={() => void exportView('txt')}
              title={t('log.exportTxtTitle')}
              aria-keyshortcuts="Control+Shift+E"
            >
              {t('log.exportTxt')}
            </button>
            <button
              type="button"
              className="btn small"
              onClick={() => void exportView('jsonl')}
              title={t('log.exportJsonlTitle')}
            >
              {t('log.exportJsonl')}
            </button>
            <FilePickButton
              label={t('log.open')}
              title={t('log.openTitle')}
              inputLabel={t('log.openFile')}
              accept=".jsonl,application/x-ndjson,application/json,text/plain"
              onFile={(f) => void openLogFile(f)}
            />
          </div>
        </details>
      </div>
      <TypeChips>
        <label className="toggle" title={t('log.showCapturedTitle')}>
          <input
            type="checkbox"
            checked={filters.captured === true}
            onChange={(e) => setFilters({ captured: e.target.checked })}
          />
          {t('log.showCaptured')}
        </label>
        <LogCount />
        <RateIndicator />
      </TypeChips>
      {filterError && (
        <p className="filter-error text-error" role="alert">
          {word(filterError)}
        </p>
      )}
      {viewing && (
        <div className="viewing" role="status" aria-label={t('log.viewing')}>
          {t('log.viewingText', { name: viewing.name })}
          {viewing.truncated ? t('log.viewingTruncated') : ''} {t('log.viewingLive')}
          <button type="button" className="btn small" onClick={closeViewing}>
            {t('log.backToLive')}
          </button>
        </div>
      )}
    </>
  );
}

/** One trial's entries only (they export alone): shown once this window has started a trial. */
function TrialFilter() {
  const t = useT();
  const trials = useStore((s) => s.trials);
  const filterTrial = useStore((s) => s.filterTrial);
  const setFilterTrial = useStore((s) => s.setFilterTrial);
  if (trials.length === 0) return null;
  return (
    <select
      className="input dir-filter"
      aria-label={t('log.trial')}
      value={filterTrial === null ? '' : String(filterTrial)}
      onChange={(e) => setFilterTrial(e.target.value === '' ? null : Number(e.target.value))}
    >
      <option value="">{t('log.allTrials')}</option>
      {trials.map((x, i) => (
        <option key={x.startId} value={i}>
          {t('log.trialOption', {
            participant: x.participant || '—',
            condition: x.condition || '—',
            time: clockTime(x.startedAt).slice(0, 5),
          })}
        </option>
      ))}
    </select>
  );
}

/** Rows shown of rows held: the one part of the toolbar that changes with every batch, so the only part re-rendered. */
function LogCount() {
  const t = useT();
  useStore((s) => s.logRevision);
  const { log, viewing, filters, filterAgent } = useStore.getState();
  const shown = viewing ? viewing.log : log;
  /* Hidden Captured receipts count as filtering too: the total says what the window holds. */
  const filtered =
    shown.view.length !== shown.size ||
    filters.text !== '' ||
    filters.dir !== 'all' ||
    filters.kind !== 'all' ||
    filters.types.length > 0 ||
    filterAgent !== 'all' ||
    useStore.getState().filterTrial !== null;
  return (
    <span className="count">
      {filtered
        ? t('log.countFiltered', { shown: formatCount(shown.view.length), total: formatCount(shown.size) })
        : t(shown.size === 1 ? 'log.countOne' : 'log.count', { n: formatCount(shown.size) })}
    </span>
  );
}

/** Messages per second in and out, from the agents' counters (so messages hidden by the UI budget count too). */
function RateIndicator() {
  const t = useT();
  const [rate, setRate] = useState({ inRate: 0, outRate: 0 });
  const last = useRef<{ at: number; inTotal: number; outTotal: number } | null>(null);
  useEffect(() => {
    const timer = setInterval(() => {
      const agents = useStore.getState().agents;
      const inTotal = agents.reduce((n, s) => n + s.messagesIn, 0);
      const outTotal = agents.reduce((n, s) => n + s.messagesOut, 0);
      const now = performance.now();
      const prev = last.current;
      last.current = { at: now, inTotal, outTotal };
      if (!prev) return;
      const dt = (now - prev.at) / 1000;
      setRate({
        inRate: Math.max(0, Math.round((inTotal - prev.inTotal) / dt)),
        outRate: Math.max(0, Math.round((outTotal - prev.outTotal) / dt)),
      });
    }, 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="rate" role="status" aria-label={t('log.rate')} title={t('log.rateTitle')}>
      ↓ {formatCount(rate.inRate)}/s · ↑ {formatCount(rate.outRate)}/s
    </span>
  );
}
