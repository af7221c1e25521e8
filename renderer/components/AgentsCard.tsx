import { disconnectAgent } from '../actions/agents';
import { useT } from './use-t';
import { useStore } from '../store';
import { clockTime, formatCount, agentLabel } from '../lib/format';
import type { AgentInfo } from '../../common/agents';

/** Connected agents, with the warning-guarded Disconnect the protocol requires. */
export function AgentsCard() {
  const t = useT();
  const agents = useStore((s) => s.agents);
  return (
    <section className="card" aria-labelledby="agents-title">
      <h2 id="agents-title">{t('agents.title')}</h2>
      {agents.length === 0 ? (
        <p className="muted">{t('agents.none')}</p>
      ) : (
        <ul className="agents">
          {agents.map((s) => (
            <AgentRow key={s.agentId} agent={s} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The log, narrowed to what this agent's own log reported at that level (from the agent, not the panel's notices). */
function showReports(id: number, kind: 'error' | 'warning'): void {
  const { setFilterAgent, setFilters } = useStore.getState();
  setFilterAgent(id);
  setFilters({ kind, dir: 'in' });
}

function AgentRow({ agent }: { agent: AgentInfo }) {
  const t = useT();
  const disconnect = (): Promise<void> => disconnectAgent(agent.agentId);
  return (
    <li className="agent">
      <div className="agent-head">
        <span className={`dot ${agent.responsive ? 'on' : 'warn'}`} aria-hidden="true" />
        <strong>{agentLabel(agent)}</strong>
        {!agent.isMMDAgent && (
          <span className="chip chip-warn" title={t('agents.notMMDAgentTitle')}>
            {t('agents.notMMDAgent')}
          </span>
        )}
      </div>
      <div className="agent-meta">
        <span>{t('agents.since', { time: clockTime(agent.connectedAt).slice(0, 8) })}</span>
        <span>
          ↓{formatCount(agent.messagesIn)} ↑{formatCount(agent.messagesOut)}
        </span>
        {!agent.responsive && <span className="text-warn">{t('agents.silent')}</span>}
      </div>
      {(agent.errors !== undefined || agent.warnings !== undefined) && (
        <div className="agent-reports">
          <button
            type="button"
            className={`btn small report ${agent.errors ? 'has-errors' : ''}`}
            onClick={() => showReports(agent.agentId, 'error')}
            aria-label={t('agents.errorsFor', { agentId: agent.agentId, n: agent.errors ?? 0 })}
          >
            {agent.errors === 1 ? t('agents.errorOne') : t('agents.errors', { n: agent.errors ?? 0 })}
          </button>
          <button
            type="button"
            className={`btn small report ${agent.warnings ? 'has-warnings' : ''}`}
            onClick={() => showReports(agent.agentId, 'warning')}
            aria-label={t('agents.warningsFor', { agentId: agent.agentId, n: agent.warnings ?? 0 })}
          >
            {agent.warnings === 1 ? t('agents.warningOne') : t('agents.warnings', { n: agent.warnings ?? 0 })}
          </button>
        </div>
      )}
      <button
        type="button"
        className="btn small danger-ghost"
        onClick={() => void disconnect()}
        aria-label={t('agents.disconnectFor', { agentId: agent.agentId })}
      >
        {t('agents.disconnect')}
      </button>
    </li>
  );
}
