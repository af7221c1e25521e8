import { usePanel } from '../store';
import { sessionLabel } from '../format';
import { ProxyChain } from './ProxyChain';

/** The top bar: where the panel listens and whether an agent is connected. */
export function ConnectionBar() {
  const status = usePanel((s) => s.status);
  const sessions = usePanel((s) => s.sessions);
  const coreLink = usePanel((s) => s.coreLink);
  const setSettingsOpen = usePanel((s) => s.setSettingsOpen);

  const connected = sessions.length > 0;
  const text = connected
    ? sessions.length === 1
      ? `Connected: ${sessionLabel(sessions[0]!)}`
      : `Connected: ${sessions.length} agents`
    : status?.state === 'error'
      ? 'Not listening'
      : 'Waiting for MMDAgent-EX…';
  const unresponsive = sessions.filter((s) => !s.responsive).length;

  return (
    <>
    <header className="topbar">
      <div className="brand">
        <img src="./icon.svg" alt="" width={28} height={28} />
        <div>
          <div className="brand-name">Remote Panel</div>
          <div className="brand-sub">for MMDAgent-EX</div>
        </div>
      </div>
      <div className="endpoint" title="The address MMDAgent-EX connects to">
        <span className="endpoint-label">Listening on</span>
        <code className="endpoint-url">{status?.state === 'listening' ? status.url : status?.url ?? '…'}</code>
      </div>
      <div className={`status-pill ${connected ? 'is-on' : status?.state === 'error' ? 'is-error' : 'is-wait'}`} role="status" aria-label="Connection">
        <span className="dot" aria-hidden="true" />
        {text}
        {unresponsive > 0 && <span className="warn-chip">{unresponsive} not answering pings</span>}
      </div>
      {coreLink === 'down' && (
        <div className="core-down" role="alert">
          The panel core is not reachable; reconnecting…
        </div>
      )}
      <button type="button" className="btn ghost" onClick={() => setSettingsOpen(true)}>
        Settings
      </button>
    </header>
    <ProxyChain />
    </>
  );
}
