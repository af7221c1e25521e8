import { useState } from 'react';
import { disconnectAgent, renameAgent } from '../actions/agents';
import { useT, useWording } from './use-t';
import { useStore } from '../store';
import { clockTime, formatCount } from '../lib/format';
import { AGENT_NAME_MAX, readablePath } from '../../common/agent-names';
import type { AgentInfo } from '../../common/agents';
import type { Words } from '../i18n';

/** Connected agents: named, renamed, and the warning-guarded Disconnect the protocol requires. */
export function AgentsCard() {
  const t = useT();
  const agents = useStore((s) => s.agents);
  const setDockTab = useStore((s) => s.setDockTab);
  return (
    <section className="card" aria-labelledby="agents-title">
      <h2 id="agents-title">{t('agents.title')}</h2>
      {agents.length === 0 ? (
        <>
          <p className="muted">{t('agents.noneSetup')}</p>
          <button type="button" className="btn small" onClick={() => setDockTab('setup')}>
            {t('agents.openSetup')}
          </button>
        </>
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
  const label = useStore((s) => s.agentLabels[agent.agentId]) ?? `#${agent.agentId}`;
  const [editing, setEditing] = useState(false);
  return (
    <li className="agent">
      <div className="agent-head">
        <span className={`dot ${agent.responsive ? 'on' : 'warn'}`} aria-hidden="true" />
        <strong className="agent-name">{label}</strong>
        {label !== `#${agent.agentId}` && <span className="muted">#{agent.agentId}</span>}
        {!agent.isMMDAgent && (
          <span className="chip chip-warn" title={t('agents.notMMDAgentTitle')}>
            {t('agents.notMMDAgent')}
          </span>
        )}
        <div className="spacer" />
        {!editing && (
          <button
            type="button"
            className="btn small ghost"
            onClick={() => setEditing(true)}
            aria-label={t('agents.renameFor', { agentId: agent.agentId })}
          >
            {t('agents.rename')}
          </button>
        )}
      </div>
      {editing && <RenameForm agent={agent} label={label} done={() => setEditing(false)} />}
      <div className="agent-meta">
        <span>{t('agents.since', { time: clockTime(agent.connectedAt).slice(0, 8) })}</span>
        <span>
          {agent.remoteAddress.replace(/^::ffff:/, '')}:{agent.remotePort}
        </span>
        <span>
          ↓{formatCount(agent.messagesIn)} ↑{formatCount(agent.messagesOut)}
        </span>
        {!agent.responsive && <span className="text-warn">{t('agents.silent')}</span>}
      </div>
      <div className="agent-meta">
        <span>{t('agents.path', { path: readablePath(agent.path) })}</span>
      </div>
      {(agent.errors !== undefined || agent.warnings !== undefined) && (
        <div className="agent-reports">
          <button
            type="button"
            className={`btn small report ${agent.errors ? 'has-errors' : ''}`}
            onClick={() => showReports(agent.agentId, 'error')}
            title={t('agents.errorsFor', { agentId: agent.agentId, n: agent.errors ?? 0 })}
          >
            {agent.errors === 1 ? t('agents.errorOne') : t('agents.errors', { n: agent.errors ?? 0 })}
          </button>
          <button
            type="button"
            className={`btn small report ${agent.warnings ? 'has-warnings' : ''}`}
            onClick={() => showReports(agent.agentId, 'warning')}
            title={t('agents.warningsFor', { agentId: agent.agentId, n: agent.warnings ?? 0 })}
          >
            {agent.warnings === 1 ? t('agents.warningOne') : t('agents.warnings', { n: agent.warnings ?? 0 })}
          </button>
        </div>
      )}
      <button
        type="button"
        className="btn small danger-ghost"
        onClick={() => void disconnectAgent(agent.agentId)}
        aria-label={t('agents.disconnectFor', { agentId: agent.agentId })}
      >
        {t('agents.disconnect')}
      </button>
    </li>
  );
}

function RenameForm({ agent, label, done }: { agent: AgentInfo; label: string; done(): void }) {
  const t = useT();
  const word = useWording();
  const listening = useStore((s) => s.status?.path);
  const [name, setName] = useState(agent.name ?? '');
  const [error, setError] = useState<Words | null>(null);
  const id = `agent-name-${agent.agentId}`;
  return (
    <form
      className="rename"
      onSubmit={(e) => {
        e.preventDefault();
        void renameAgent(agent.agentId, name).then((problem) => (problem ? setError(problem) : done()));
      }}
    >
      <label htmlFor={id}>{t('agents.nameFor', { agentId: agent.agentId })}</label>
      <div className="input-with-button">
        <input
          id={id}
          className="input"
          value={name}
          placeholder={label}
          maxLength={AGENT_NAME_MAX * 2}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => e.key === 'Escape' && done()}
        />
        <button type="submit" className="btn small primary">
          {t('agents.save')}
        </button>
        <button type="button" className="btn small" onClick={done}>
          {t('agents.cancel')}
        </button>
      </div>
      <p id={`${id}-hint`} className={error ? 'text-error small-text' : 'hint'} role={error ? 'alert' : undefined}>
        {error
          ? word(error)
          : agent.path === listening
            ? t('agents.nameHintOwn', { path: readablePath(agent.path) })
            : t('agents.nameHint', { path: readablePath(agent.path) })}
      </p>
    </form>
  );
}
