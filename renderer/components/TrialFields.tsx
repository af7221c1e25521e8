import { currentShow, endTrial, startTrial } from '../actions/cues';
import { chooseShowAgent } from '../actions/shows';
import { useStore } from '../store';
import { useT } from './use-t';

/** The agent the show runs against, and the trial: participant, condition, the show's own slots, Start/End trial. */
export function TrialFields({ agentId }: { agentId: number | null }) {
  const t = useT();
  const agents = useStore((s) => s.agents);
  const labels = useStore((s) => s.agentLabels);
  const participant = useStore((s) => s.participant);
  const condition = useStore((s) => s.condition);
  const slotValues = useStore((s) => s.slotValues);
  const setField = useStore((s) => s.setTrialField);
  const setSlot = useStore((s) => s.setSlotValue);
  const trial = useStore((s) => s.trial);
  useStore((s) => s.settings?.shows);
  const slots = currentShow()?.slots ?? [];
  return (
    <div className="trial">
      <label className="trial-field">
        <span>{t('cues.agent')}</span>
        <select
          className="input compact"
          value={agentId === null ? '' : String(agentId)}
          onChange={(e) => void chooseShowAgent(e.target.value === '' ? null : Number(e.target.value))}
        >
          {agentId === null && <option value="">{t('cues.noAgent')}</option>}
          {agents.map((a) => (
            <option key={a.agentId} value={a.agentId}>
              {labels[a.agentId] ?? `#${a.agentId}`}
            </option>
          ))}
        </select>
      </label>
      <label className="trial-field">
        <span>{t('cues.participant')}</span>
        <input
          className="input compact"
          value={participant}
          disabled={trial !== null}
          onChange={(e) => setField('participant', e.target.value)}
        />
      </label>
      <label className="trial-field">
        <span>{t('cues.condition')}</span>
        <input
          className="input compact"
          value={condition}
          disabled={trial !== null}
          onChange={(e) => setField('condition', e.target.value)}
        />
      </label>
      {slots.map((slot) => (
        <label key={slot} className="trial-field">
          <span>{slot}</span>
          <input
            className="input compact"
            value={slotValues[slot] ?? ''}
            onChange={(e) => setSlot(slot, e.target.value)}
          />
        </label>
      ))}
      <button
        type="button"
        className={`btn small${trial ? ' active' : ''}`}
        onClick={() => void (trial ? endTrial() : startTrial())}
      >
        {trial ? t('cues.endTrial') : t('cues.startTrial')}
      </button>
    </div>
  );
}
