import { memo, useState } from 'react';
import { FACE_TRANSITION } from '../../common/avatar';
import { inRange } from '../../common/settings-rules';
import { moveSlider, resetFace, sliderValue } from '../actions/avatar';
import { savePrefs } from '../actions/prefs';
import { useStore } from '../store';
import { selectFaceTransition } from '../store/selectors';
import type { AvatarPartProps } from './avatar-props';
import { useT } from './use-t';

/**
 * The face: one slider per morph of the model (by its own name) and per avatar morph of its
 * `.shapemap`. A morph above 0 is held where it is; back at 0 it is given back to the model.
 */
export function FaceSliders({ agentId, alias, profile }: AvatarPartProps) {
  const t = useT();
  const filter = useStore((s) => s.morphFilter);
  const setFilter = useStore((s) => s.setMorphFilter);
  const find = filter.trim().toLowerCase();
  const hit = (name: string): boolean => find === '' || name.toLowerCase().includes(find);
  const exmorphs = (profile.shapemap?.exmorphs ?? []).filter((e) => hit(e.name) || hit(e.morph));
  const morphs = profile.morphs.filter(hit);
  const lips = new Set(Object.values(profile.shapemap?.lips ?? {}));
  return (
    <div className="subsection face">
      <div className="face-head">
        <h3>{t('avatar.face')}</h3>
        <input
          className="input compact"
          type="search"
          aria-label={t('avatar.findMorph')}
          placeholder={t('avatar.findMorph')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <TransitionField />
        <button type="button" className="btn small" disabled={agentId === null} onClick={() => void resetFace()}>
          {t('avatar.resetFace')}
        </button>
      </div>
      <div className="morph-list" role="group" aria-label={t('avatar.morphs')}>
        {exmorphs.length > 0 && <div className="morph-group">{t('avatar.exmorphs')}</div>}
        {exmorphs.map((e) => (
          <MorphSlider key={`x${e.name}`} agentId={agentId} alias={alias} group="x" name={e.name} note={e.morph} />
        ))}
        {exmorphs.length > 0 && morphs.length > 0 && <div className="morph-group">{t('avatar.modelMorphs')}</div>}
        {morphs.map((m) => (
          <MorphSlider
            key={`m${m}`}
            agentId={agentId}
            alias={alias}
            group="m"
            name={m}
            note={lips.has(m) ? t('avatar.lipMorph') : ''}
          />
        ))}
        {exmorphs.length + morphs.length === 0 && (
          <p className="hint">{find ? t('avatar.noMatch', { text: filter }) : t('avatar.noMorphs')}</p>
        )}
      </div>
    </div>
  );
}

/** One slider; it reads its own value, so a drag re-renders this row only. */
const MorphSlider = memo(function MorphSlider({
  agentId,
  alias,
  group,
  name,
  note,
}: {
  agentId: number | null;
  alias: string;
  group: 'm' | 'x';
  name: string;
  note: string;
}) {
  const t = useT();
  const value = useStore((s) =>
    agentId === null ? 0 : sliderValue(s.faces, s.faceLocal, agentId, alias, group, name),
  );
  return (
    <div className={`morph${value > 0 ? ' held' : ''}`}>
      <span className="morph-name" title={note ? `${name} · ${note}` : name}>
        {name}
        {note && <span className="muted"> · {note}</span>}
      </span>
      <input
        type="range"
        min={0}
        max={1}
        step={0.01}
        aria-label={name}
        aria-valuetext={group === 'x' && value > 0 ? t('avatar.heldValue', { value }) : String(value)}
        disabled={agentId === null}
        value={value}
        onChange={(e) => moveSlider(group, name, Number(e.target.value))}
      />
      <output className="morph-value">{value.toFixed(2)}</output>
    </div>
  );
});

/** Seconds `MODEL_BINDFACE` takes to reach a slider's value. */
function TransitionField() {
  const t = useT();
  const saved = useStore(selectFaceTransition);
  const [text, setText] = useState<string | null>(null);
  const n = Number(text);
  const bad = text !== null && (text.trim() === '' || !inRange(n, FACE_TRANSITION));
  return (
    <label className="transition">
      {t('avatar.transition')}
      <input
        className={`input compact${bad ? ' invalid' : ''}`}
        type="number"
        min={FACE_TRANSITION.min}
        max={FACE_TRANSITION.max}
        step={0.1}
        aria-invalid={bad}
        title={bad ? t('setting.faceTransition', FACE_TRANSITION) : t('avatar.transitionHint')}
        value={text ?? String(saved)}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (text !== null && !bad) void savePrefs({ faceTransitionSec: n });
          setText(null);
        }}
      />
    </label>
  );
}
