import { useRef } from 'react';
import { getApi } from '../bridge/connect';
import { exportName, exportText } from '../format';
import type { LogEntry } from '../../electron/contract';
import { usePanel } from '../store';
import type { FilterSpec } from '../store/log-buffer';
import { DIRECTIONS } from './LogRow';

/** Filter, pause, clear, export, and opening a previous session's log read-only. */
export function LogToolbar() {
  const filterText = usePanel((s) => s.filterText);
  const setFilterText = usePanel((s) => s.setFilterText);
  const filterDir = usePanel((s) => s.filterDir);
  const setFilterDir = usePanel((s) => s.setFilterDir);
  const proxy = usePanel((s) => s.settings?.upstreamEnabled === true);
  const paused = usePanel((s) => s.frozen !== null);
  const setPaused = usePanel((s) => s.setPaused);
  const clearView = usePanel((s) => s.clearView);
  const viewing = usePanel((s) => s.viewing);
  const closeViewing = usePanel((s) => s.closeViewing);
  usePanel((s) => s.logRevision);
  const { log } = usePanel.getState();
  const shown = viewing ? viewing.log : log;
  const fileInput = useRef<HTMLInputElement>(null);

  const doExport = async (format: 'txt' | 'jsonl'): Promise<void> => {
    const { frozen } = usePanel.getState();
    await getApi().saveFile(exportName(format), exportText(viewing ? viewing.log.view : (frozen ?? log.view), format));
  };

  const open = async (file: File): Promise<void> => {
    const problem = usePanel.getState().openLog(file.name, await file.text());
    usePanel.getState().setComposeResult(problem);
  };

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label="Log tools">
        <input className="input filter" type="search" placeholder="Filter messages…" aria-label="Filter" value={filterText} onChange={(e) => setFilterText(e.target.value)} />
        <select className="input dir-filter" aria-label="Direction" value={filterDir} onChange={(e) => setFilterDir(e.target.value as FilterSpec['dir'])}>
          <option value="all">All directions</option>
          {(Object.keys(DIRECTIONS) as LogEntry['dir'][]).map((d) => (
            <option key={d} value={d}>
              {proxy ? DIRECTIONS[d].proxied : DIRECTIONS[d].label}
            </option>
          ))}
        </select>
        <span className="count">
          {filterText || filterDir !== 'all' ? `${shown.view.length.toLocaleString()} of ${shown.size.toLocaleString()}` : `${shown.size.toLocaleString()} ${shown.size === 1 ? 'message' : 'messages'}`}
        </span>
        <div className="spacer" />
        {!viewing && (
          <>
            <button type="button" className={`btn small ${paused ? 'active' : ''}`} aria-pressed={paused} onClick={() => setPaused(!paused)}>
              {paused ? 'Resume' : 'Pause'}
            </button>
            <button type="button" className="btn small" onClick={clearView} title="Clears the view; the session log on disk keeps everything">
              Clear view
            </button>
          </>
        )}
        <button type="button" className="btn small" onClick={() => void doExport('txt')} title="The filtered view, one line per message as on the wire">
          Export .txt
        </button>
        <button type="button" className="btn small" onClick={() => void doExport('jsonl')} title="The filtered view with every field">
          Export .jsonl
        </button>
        <button type="button" className="btn small" onClick={() => fileInput.current?.click()} title="View a previous session's log, read-only">
          Open log…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".jsonl,application/x-ndjson,application/json,text/plain"
          hidden
          aria-label="Session log file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void open(f);
            e.target.value = '';
          }}
        />
      </div>
      {viewing && (
        <div className="viewing" role="status" aria-label="Viewing">
          Viewing <strong>{viewing.name}</strong> (read-only){viewing.truncated ? ' — its last line was cut short and is left out' : ''}. The live log keeps recording.
          <button type="button" className="btn small" onClick={closeViewing}>
            Back to live log
          </button>
        </div>
      )}
    </>
  );
}
