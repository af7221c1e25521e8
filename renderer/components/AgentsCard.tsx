import { disconnectAgent } from '../actions/agents';
import { useT } from './use-t';
import { usePanel } from '../store';
import { clockTime, formatCount, sessionLabel } from '../lib/format';
import type { SessionInfo } from '../../common/agents';

/** Connected agents, with the warning-guarded Disconnect the protocol requires. */
export function AgentsPanel() {
  const t = useT();
  const sessions = usePanel((s) => s.sessions);
  return (
    <section className="card" aria-labelledby="agents-title">
      <h2 id="agents-title">{t('agents.title')}</h2>
      {sessions.length === 0 ? (
        <p className="muted">{t('agents.none')}</p>
      ) : (
        <ul className="agents">
          {sessions.map((s) => (
            <AgentRow key={s.id} session={s} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The log, narrowed to what this agent's own log reported at that level (from the agent, not the panel's notices). */
function showReports(id: number, kind: 'error' | 'warning'): void {
  const { setFilterSession, setFilters } = usePanel.getState();
  setFilterSession(id);
  setFilters({ kind, dir: 'in' });
}

function AgentRow({ session }: { session: SessionInfo }) {
  const t = useT();
  const disconnect = (): Promise<void> => disconnectAgent(session.id);
  return (
    <li className="agent">
      <div className="agent-head">
        <span className={`dot ${session.responsive ? 'on' : 'warn'}`} aria-hidden="true" />
        <strong>{sessionLabel(session)}</strong>
        {!session.isMMDAgent && (
          <span className="chip chip-warn" title={t('agents.notMMDAgentTitle')}>
            {t('agents.notMMDAgent')}
          </span>
        )}
      </div>
      <div className="agent-meta">
        <span>{t('agents.since', { time: clockTime(session.connectedAt).slice(0, 8) })}</span>
        <span>
          ↓{formatCount(session.messagesIn)} ↑{formatCount(session.messagesOut)}
        </span>
        {!session.responsive && <span className="text-warn">{t('agents.silent')}</span>}
      </div>
      {(session.errors !== undefined || session.warnings !== undefined) && (
        <div className="agent-reports">
          <button
            type="button"
            className={`btn small report ${session.errors ? 'has-errors' : ''}`}
            onClick={() => showReports(session.id, 'error')}
            aria-label={t('agents.errorsFor', { id: session.id, n: session.errors ?? 0 })}
          >
            {session.errors === 1 ? t('agents.errorOne') : t('agents.errors', { n: session.errors ?? 0 })}
          </button>
          <button
            type="button"
            className={`btn small report ${session.warnings ? 'has-warnings' : ''}`}
            onClick={() => showReports(session.id, 'warning')}
            aria-label={t('agents.warningsFor', { id: session.id, n: session.warnings ?? 0 })}
          >
            {session.warnings === 1 ? t('agents.warningOne') : t('agents.warnings', { n: session.warnings ?? 0 })}
          </button>
        </div>
      )}
      <button
        type="button"
        className="btn small danger-ghost"
        onClick={() => void disconnect()}
        aria-label={t('agents.disconnectFor', { id: session.id })}
      >
        {t('agents.disconnect')}
      </button>
    </li>
  );
}
