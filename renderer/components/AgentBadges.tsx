import { useT } from './use-t';
import { useStore } from '../store';

/** One badge per connected agent, by name, in the top bar; the connection's state when there is none. */
export function AgentBadges() {
  const t = useT();
  const agents = useStore((s) => s.agents);
  const labels = useStore((s) => s.agentLabels);
  const state = useStore((s) => s.status?.state);
  const coreLink = useStore((s) => s.coreLink);
  const setDockTab = useStore((s) => s.setDockTab);
  return (
    <div className="agent-badges" role="status" aria-label={t('top.connection')}>
      {coreLink === 'down' ? (
        <span className="status-pill is-error">{t('top.coreDown')}</span>
      ) : agents.length === 0 ? (
        <span className={`status-pill ${state === 'error' ? 'is-error' : 'is-wait'}`}>
          <span className="dot" aria-hidden="true" />
          {state === 'error' ? t('top.notListening') : t('top.waiting')}
        </span>
      ) : (
        <>
          <span className="badges-label">{t('top.connectedLabel')}</span>
          <ul className="badges" aria-label={t('top.agents')}>
            {agents.map((a) => {
              const label = labels[a.agentId] ?? `#${a.agentId}`;
              return (
                <li key={a.agentId}>
                  <button
                    type="button"
                    className={`badge ${a.responsive ? 'is-on' : 'is-warn'}`}
                    title={t(a.responsive ? 'top.agentOn' : 'top.agentSilent', { label })}
                    onClick={() => setDockTab('agents')}
                  >
                    <span className={`dot ${a.responsive ? 'on' : 'warn'}`} aria-hidden="true" />
                    {label}
                    {!a.responsive && <span className="sr-label">{t('agents.silent')}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
