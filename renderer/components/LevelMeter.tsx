import { useT } from './use-t';
import { useStore } from '../store';
import { SILENT_DB } from '../store/audio-slice';

/** Live input level in dBFS, with a clip light. */
export function LevelMeter() {
  const t = useT();
  const db = useStore((s) => s.mic.levelDb);
  const clipping = useStore((s) => s.mic.clipUntil > Date.now());
  const fill = ((db - SILENT_DB) / -SILENT_DB) * 100;
  return (
    <div className="meter-row">
      <div
        className="meter"
        role="meter"
        aria-label={t('speech.level')}
        aria-valuemin={SILENT_DB}
        aria-valuemax={0}
        aria-valuenow={Math.round(db)}
        aria-valuetext={db <= SILENT_DB ? t('speech.silent') : `${db.toFixed(0)} dBFS`}
      >
        <div className={`meter-fill ${db > -6 ? 'hot' : db > -18 ? 'warm' : ''}`} style={{ width: `${fill}%` }} />
      </div>
      <span className="meter-db">{db <= SILENT_DB ? '−∞' : db.toFixed(0)} dBFS</span>
      <span className={`clip ${clipping ? 'on' : ''}`} title={t('speech.clipTitle')}>
        CLIP
      </span>
    </div>
  );
}
