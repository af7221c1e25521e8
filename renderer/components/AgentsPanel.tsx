import { disconnectAgent } from '../actions/agents';
import { useT } from './use-t';
import { usePanel } from '../store';
import { clockTime, sessionLabel } from '../lib/format';
import type { SessionInfo } from '../../common/contract';

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

function AgentRow({ session }: { session: SessionInfo }) {
  const t = useT();
  const disconnect = (): Promise<void> => disconnectAgent(session.id);
  return (
    <li className="agent">
      <div className="agent-head">
        <span className={`dot ${session.responsive ? 'on' : 'warn'}`} aria-hidden="true" />
        <strong>{sessionLabel(session)}</strong>
        {!session.isMMDAgent && <span className="chip chip-warn" title={t('agents.notMMDAgentTitle')}>{t('agents.notMMDAgent')}</span>}
      </div>
      <div className="agent-meta">
        <span>{t('agents.since', { time: clockTime(session.connectedAt).slice(0, 8) })}</span>
        <span>
          ↓{session.messagesIn} ↑{session.messagesOut}
        </span>
        {!session.responsive && <span className="text-warn">{t('agents.silent')}</span>}
      </div>
      <button type="button" className="btn small danger-ghost" onClick={() => void disconnect()} aria-label={t('agents.disconnectFor', { id: session.id })}>
        {t('agents.disconnect')}
      </button>
    </li>
  );
}
