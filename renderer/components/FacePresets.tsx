import { useState, type FormEvent } from 'react';
import { actionName } from '../../common/avatar';
import { applyPresetHere, avatarTarget, profileFor } from '../actions/avatar';
import { deletePreset, savePreset } from '../actions/presets';
import type { Words } from '../i18n';
import { presetLabel } from '../quick/example-labels';
import { useStore } from '../store';
import { selectActiveQuickSetId, selectPresets } from '../store/selectors';
import { useT, useWording } from './use-t';

/** Saved faces (and actions) of the active quick-command set: a click, or their hotkey, applies one. */
export function FacePresets() {
  const t = useT();
  const presets = useStore(selectPresets);
  const setId = useStore(selectActiveQuickSetId);
  const [saving, setSaving] = useState(false);
  return (
    <div className="subsection presets">
      <div className="face-head">
        <h3>{t('avatar.presets')}</h3>
        {!saving && (
          <button type="button" className="btn small" onClick={() => setSaving(true)}>
            {t('avatar.savePreset')}
          </button>
        )}
      </div>
      {saving && <SaveForm onDone={() => setSaving(false)} />}
      {presets.length === 0 && !saving && <p className="hint">{t('avatar.noPresets')}</p>}
      <div className="preset-row">
        {presets.map((p) => (
          <span key={p.id} className="preset">
            <button
              type="button"
              className="btn small"
              aria-keyshortcuts={p.hotkey || undefined}
              title={p.action ? t('avatar.presetWithAction', { action: p.action }) : undefined}
              onClick={() => void applyPresetHere(p)}
            >
              {presetLabel(setId, p.name, t)}
              {p.hotkey && <kbd aria-hidden="true">{p.hotkey}</kbd>}
            </button>
            <button
              type="button"
              className="btn ghost small icon"
              aria-label={t('avatar.deletePreset', { name: presetLabel(setId, p.name, t) })}
              onClick={() => void deletePreset(p.id)}
            >
              ×
            </button>
          </span>
        ))}
      </div>
    </div>
  );
}

/** Name, an optional action and a hotkey; the face is the one the sliders show now. */
function SaveForm({ onDone }: { onDone(): void }) {
  const t = useT();
  const word = useWording();
  const [name, setName] = useState('');
  const [action, setAction] = useState('');
  const [hotkey, setHotkey] = useState('');
  const [problem, setProblem] = useState<Words | null>(null);
  const to = avatarTarget();
  const actions = profileFor(to?.agentId ?? null, to?.alias ?? '0')?.shapemap?.actions ?? [];
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const found = await savePreset({ name, action, hotkey });
    if (found) setProblem(found);
    else onDone();
  };
  return (
    <form className="preset-form" onSubmit={(e) => void submit(e)}>
      <input
        className="input compact"
        aria-label={t('avatar.presetName')}
        placeholder={t('avatar.presetName')}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <select
        className="input compact"
        aria-label={t('avatar.presetAction')}
        value={action}
        onChange={(e) => setAction(e.target.value)}
      >
        <option value="">{t('avatar.noAction')}</option>
        {actions.map((a) => (
          <option key={a.n} value={actionName(a.file)}>
            {a.n} {actionName(a.file)}
          </option>
        ))}
      </select>
      <input
        className="input compact hotkey"
        aria-label={t('avatar.presetHotkey')}
        placeholder={t('avatar.presetHotkey')}
        value={hotkey}
        onChange={(e) => setHotkey(e.target.value)}
      />
      <button type="submit" className="btn small primary">
        {t('avatar.save')}
      </button>
      <button type="button" className="btn small ghost" onClick={onDone}>
        {t('avatar.cancel')}
      </button>
      {problem && (
        <p className="text-error" role="alert">
          {word(problem)}
        </p>
      )}
    </form>
  );
}
