import { actionName } from '../../common/avatar';
import { playActionHere } from '../actions/avatar';
import { useStore } from '../store';
import type { AvatarPartProps } from './avatar-props';
import { useT } from './use-t';

const NO_MOTIONS: { model: string; motion: string; file?: string }[] = [];

/** One button per `ACTn` of the model's `.shapemap`; the one playing is marked until its motion ends. */
export function AvatarActions({ agentId, alias, profile }: AvatarPartProps) {
  const t = useT();
  const motions = useStore((s) => (agentId === null ? NO_MOTIONS : (s.scene[agentId]?.motions ?? NO_MOTIONS)));
  const actions = profile.shapemap?.actions ?? [];
  /* `__action0`… are the motions `__AV_ACTION` starts; their file says which action it is. */
  const playing = new Set(
    motions
      .filter((m) => m.model === alias && m.motion.startsWith('__action') && m.file)
      .map((m) => actions.find((a) => m.file!.replaceAll('\\', '/').endsWith(a.file.replaceAll('\\', '/')))?.n),
  );
  const playingNames = actions.filter((a) => playing.has(a.n)).map((a) => actionName(a.file));
  return (
    <div className="subsection avatar-actions">
      <h3>
        {t('avatar.actions')}{' '}
        <span className="muted" role="status" aria-label={t('avatar.playingLabel')}>
          {playingNames.length ? t('avatar.playing', { names: playingNames.join(', ') }) : ''}
        </span>
      </h3>
      {actions.length === 0 ? (
        <p className="hint">{t('avatar.noActions')}</p>
      ) : (
        <div className="action-grid">
          {actions.map((a) => (
            <button
              key={a.n}
              type="button"
              className={`btn small action${playing.has(a.n) ? ' playing' : ''}`}
              aria-pressed={playing.has(a.n)}
              title={`__AV_ACTION,${a.n} · ${a.file}`}
              disabled={agentId === null}
              onClick={() => void playActionHere(a.n)}
            >
              <span className="action-n">{a.n}</span> {actionName(a.file)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
