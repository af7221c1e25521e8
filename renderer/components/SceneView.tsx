import type { SceneState } from '../../common/agents';
import { actionName } from '../../common/avatar';
import { clockTime } from '../lib/format';
import { useT } from './use-t';
import { useStore } from '../store';
import { insertIntoDraft } from '../actions/compose';

/** Per agent: the models and motions it has loaded and what it is doing, from its own events. */
export function SceneView() {
  const t = useT();
  const scene = useStore((s) => s.scene);
  const agents = useStore((s) => s.agents);
  return (
    <section className="card scene" role="region" aria-label={t('scene.name')}>
      <h2>{t('scene.name')}</h2>
      {agents.length === 0 ? (
        <p className="muted">{t('scene.none')}</p>
      ) : (
        agents.map((s) => (
          <AgentScene key={s.agentId} id={s.agentId} state={scene[s.agentId]} multi={agents.length > 1} />
        ))
      )}
      <p className="muted small-print">{t('scene.note')}</p>
    </section>
  );
}

function AgentScene({ id, state, multi }: { id: number; state: SceneState | undefined; multi: boolean }) {
  const label = useStore((s) => s.agentLabels[id]) ?? `#${id}`;
  const t = useT();
  const models = state?.models ?? [];
  return (
    <div className="scene-agent">
      {multi && <div className="scene-agent-name">{label}</div>}
      {models.length === 0 && <p className="muted">{t('scene.empty')}</p>}
      {models.map((model) => {
        const motions = state?.motions.filter((m) => m.model === model) ?? [];
        const speaking = state?.speaking.includes(model);
        const lips = state?.lipsync.includes(model);
        return (
          <div key={model} className="scene-model">
            <button
              type="button"
              className="alias model"
              onClick={() => insertIntoDraft(model)}
              title={t('scene.insert')}
              aria-label={t('scene.modelAlias', { alias: model })}
            >
              {model}
            </button>
            {speaking && <span className="chip chip-on">{t('scene.speaking')}</span>}
            {lips && <span className="chip chip-on">{t('scene.lipsync')}</span>}
            <span className="scene-motions">
              {motions.map((m) => (
                <button
                  key={m.motion}
                  type="button"
                  className="alias motion"
                  onClick={() => insertIntoDraft(m.motion)}
                  title={t('scene.insert')}
                  aria-label={t('scene.motionAlias', { alias: m.motion, model })}
                >
                  {m.motion}
                  {m.file && m.motion.startsWith('__action') && <span className="muted"> · {actionName(m.file)}</span>}
                </button>
              ))}
            </span>
          </div>
        );
      })}
      {(state?.listening || state?.recognized) && (
        <div className="scene-recog">
          {state.listening ? <span className="chip chip-on">{t('scene.listening')}</span> : null}
          {state.recognized && (
            <span>
              {t('scene.heard')} <q>{state.recognized.text}</q>{' '}
              <span className="muted">{clockTime(state.recognized.t).slice(0, 8)}</span>
            </span>
          )}
        </div>
      )}
    </div>
  );
}
