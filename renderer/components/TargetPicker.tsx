import type { Target } from '../../common/agents';
import { useStore } from '../store';
import { useT } from './use-t';

/** The one target picker: every agent by the name the operator knows it by, or all of them. */
export function TargetPicker({ className = 'input', label }: { className?: string; label?: string }) {
  const t = useT();
  const target = useStore((s) => s.target);
  const setTarget = useStore((s) => s.setTarget);
  const agents = useStore((s) => s.agents);
  const labels = useStore((s) => s.agentLabels);
  return (
    <select
      aria-label={label ?? t('compose.target')}
      className={`${className} target-picker`}
      value={String(target)}
      onChange={(e) => setTarget(e.target.value === 'all' ? 'all' : (Number(e.target.value) as Target))}
    >
      <option value="all">
        {t('compose.allAgents')}
        {agents.length ? ` (${agents.length})` : ''}
      </option>
      {agents.map((s) => (
        <option key={s.agentId} value={s.agentId}>
          {labels[s.agentId] ?? `#${s.agentId}`}
        </option>
      ))}
    </select>
  );
}
