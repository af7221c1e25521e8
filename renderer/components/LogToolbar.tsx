import { getApi } from '../bridge/connect';
import { exportName, exportText } from '../format';
import { usePanel } from '../store';

/** Filter, pause, clear and export for the live log. */
export function LogToolbar() {
  const filterText = usePanel((s) => s.filterText);
  const setFilterText = usePanel((s) => s.setFilterText);
  const paused = usePanel((s) => s.frozen !== null);
  const setPaused = usePanel((s) => s.setPaused);
  const clearView = usePanel((s) => s.clearView);
  usePanel((s) => s.logRevision);
  const { log } = usePanel.getState();

  const doExport = async (format: 'txt' | 'jsonl'): Promise<void> => {
    const { frozen } = usePanel.getState();
    await getApi().saveFile(exportName(format), exportText(frozen ?? log.view, format));
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Log tools">
      <input
        className="input filter"
        type="search"
        placeholder="Filter messages…"
        aria-label="Filter"
        value={filterText}
        onChange={(e) => setFilterText(e.target.value)}
      />
      <span className="count" aria-live="off">
        {filterText ? `${log.view.length.toLocaleString()} of ${log.size.toLocaleString()}` : `${log.size.toLocaleString()} messages`}
      </span>
      <div className="spacer" />
      <button type="button" className={`btn small ${paused ? 'active' : ''}`} aria-pressed={paused} onClick={() => setPaused(!paused)}>
        {paused ? 'Resume' : 'Pause'}
      </button>
      <button type="button" className="btn small" onClick={clearView} title="Clears the view; the session log on disk keeps everything">
        Clear view
      </button>
      <button type="button" className="btn small" onClick={() => void doExport('txt')} title="The filtered view, one line per message as on the wire">
        Export .txt
      </button>
      <button type="button" className="btn small" onClick={() => void doExport('jsonl')} title="The filtered view with every field">
        Export .jsonl
      </button>
    </div>
  );
}
