import { useEffect, useState } from 'react';
import type { SessionInfo, UpstreamInfo } from '../../electron/contract';
import { getApi } from '../bridge/connect';
import { usePanel } from '../store';

/** Proxy mode: per agent, `MMDAgent-EX ⇄ Panel ⇄ dialogue server`, with each link's state. */
export function ProxyChain() {
  const url = usePanel((s) => (s.settings?.upstreamEnabled ? s.settings.upstreamUrl : null));
  const sessions = usePanel((s) => s.sessions);
  if (url === null) return null;
  return (
    <div className="proxy-chains" aria-label="Proxy chain">
      {sessions.length === 0 ? (
        <div className="chain muted">
          Proxy mode: each agent that connects is linked onward to <code>{url}</code>.
        </div>
      ) : (
        sessions.map((s) => <Chain key={s.id} session={s} />)
      )}
    </div>
  );
}

function Chain({ session }: { session: SessionInfo }) {
  const up = session.upstream;
  return (
    <div className="chain">
      <span className={`link-node ${session.responsive ? 'on' : 'warn'}`}>MMDAgent-EX #{session.id}</span>
      <span className={`link ${session.responsive ? 'on' : 'warn'}`} title={session.responsive ? 'Agent link up' : 'The agent does not answer pings'}>
        ⇄
      </span>
      <span className="link-node on">Panel</span>
      <span className={`link ${linkClass(up)}`} aria-hidden="true">
        ⇄
      </span>
      <span className={`link-node ${linkClass(up)}`}>dialogue server</span>
      <UpstreamStatus id={session.id} up={up} />
    </div>
  );
}

function linkClass(up: UpstreamInfo | undefined): string {
  return up?.state === 'open' ? 'on' : up?.state === 'connecting' ? 'wait' : 'off';
}

function UpstreamStatus({ id, up }: { id: number; up: UpstreamInfo | undefined }) {
  const [now, setNow] = useState(() => Date.now());
  const retrying = up?.state === 'retrying';
  useEffect(() => {
    if (!retrying) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [retrying]);
  const text = !up
    ? 'not linked'
    : up.state === 'open'
      ? `up · ↑${up.framesUp.toLocaleString()} ↓${up.framesDown.toLocaleString()}${up.notForwarded ? ` · ${up.notForwarded.toLocaleString()} not forwarded` : ''}`
      : up.state === 'connecting'
        ? `connecting${up.retries ? ` (attempt ${up.retries + 1})` : ''}…`
        : `down${up.lastError ? ` (${up.lastError})` : ''} · ${up.retries} ${up.retries === 1 ? 'retry' : 'retries'} · next in ${Math.max(0, Math.ceil(((up.nextRetryAt ?? now) - now) / 1000))} s`;
  return (
    <>
      <span className={`upstream-status ${linkClass(up)}`} role="status" aria-label="Upstream">
        {text}
      </span>
      {retrying && (
        <button type="button" className="btn small" onClick={() => void getApi().retryUpstream(id)} aria-label={`Retry now (agent #${id})`}>
          Retry now
        </button>
      )}
    </>
  );
}
