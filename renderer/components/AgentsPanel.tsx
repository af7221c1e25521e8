import { getApi } from '../bridge/connect';
import { usePanel } from '../store';
import { clockTime, sessionLabel } from '../format';
import type { SessionInfo } from '../../electron/contract';

/** Connected agents, with the warning-guarded Disconnect the protocol requires. */
export function AgentsPanel() {
  const sessions = usePanel((s) => s.sessions);
  return (
    <section className="card" aria-labelledby="agents-title">
      <h2 id="agents-title">Agents</h2>
      {sessions.length === 0 ? (
        <p className="muted">No MMDAgent-EX is connected. Start it with the .mdf lines below; it connects within a second.</p>
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
  const askConfirm = usePanel((s) => s.askConfirm);
  const disconnect = async (): Promise<void> => {
    const first = await getApi().disconnect(session.id, false);
    if (first.ok || !first.needsConfirm) return;
    askConfirm({
      title: `Disconnect agent #${session.id}?`,
      message: first.message,
      confirmLabel: 'Disconnect',
      onConfirm: () => void getApi().disconnect(session.id, true),
    });
  };
  return (
    <li className="agent">
      <div className="agent-head">
        <span className={`dot ${session.responsive ? 'on' : 'warn'}`} aria-hidden="true" />
        <strong>{sessionLabel(session)}</strong>
        {!session.isMMDAgent && <span className="chip chip-warn" title="The client did not send X-App-Type: MMDAgent">not MMDAgent-EX</span>}
      </div>
      <div className="agent-meta">
        <span>since {clockTime(session.connectedAt).slice(0, 8)}</span>
        <span>
          ↓{session.messagesIn} ↑{session.messagesOut}
        </span>
        {!session.responsive && <span className="text-warn">not answering pings</span>}
      </div>
      <button type="button" className="btn small danger-ghost" onClick={() => void disconnect()} aria-label={`Disconnect agent #${session.id}`}>
        Disconnect
      </button>
    </li>
  );
}
