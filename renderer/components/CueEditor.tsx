import { useState, type FormEvent } from 'react';
import { cueText, parseCueText } from '../../common/cue-text';
import type { Cue } from '../../common/show';
import { currentShow } from '../actions/cues';
import { saveCue } from '../actions/shows';
import type { Words } from '../i18n';
import { cueStepProblemText } from '../i18n/show-problems';
import { useStore } from '../store';
import { useModal } from './use-modal';
import { useT, useWording } from './use-t';

/** A cue's name, notes, whether it continues by itself, and its steps as lines (checked as you type). */
export function CueEditor() {
  const index = useStore((s) => s.editingCue);
  const setEditing = useStore((s) => s.setEditingCue);
  const ref = useModal(index !== null);
  const show = currentShow();
  const cue = index !== null ? show?.cues[index] : undefined;
  return (
    <dialog ref={ref} className="dialog wide" aria-labelledby="cue-edit-title" onCancel={() => setEditing(null)}>
      {index !== null && show && (
        <CueForm
          key={`${show.id}-${index}`}
          index={index}
          initial={cue}
          slots={show.slots}
          close={() => setEditing(null)}
        />
      )}
    </dialog>
  );
}

function CueForm({
  index,
  initial,
  slots,
  close,
}: {
  index: number;
  initial: Cue | undefined;
  slots: string[];
  close(): void;
}) {
  const t = useT();
  const word = useWording();
  const [name, setName] = useState(initial?.name ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [auto, setAuto] = useState(initial?.continue === 'auto');
  const [lines, setLines] = useState(initial ? cueText(initial.steps) : '');
  const [saveError, setSaveError] = useState<Words | null>(null);
  const parsed = parseCueText(lines, slots);
  const problem = !parsed.ok
    ? t('wire.atLine', { line: parsed.line, problem: cueStepProblemText(parsed.problem, t) })
    : parsed.steps.length === 0
      ? t('show.noSteps')
      : name.trim() === ''
        ? t('show.cueName')
        : null;

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (problem || !parsed.ok) return;
    const error = await saveCue(index, {
      name: name.trim().slice(0, 80),
      notes: notes.trim(),
      continue: auto ? 'auto' : 'manual',
      steps: parsed.steps,
    });
    if (error) setSaveError(error);
    else close();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="cue-edit-title">{initial ? t('cues.editTitle', { name: initial.name }) : t('cues.newTitle')}</h2>
      <label className="field">
        <span>{t('cues.cueName')}</span>
        <input className="input" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} autoFocus />
      </label>
      <label className="field">
        <span>{t('cues.notes')}</span>
        <input className="input" value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('cues.steps')}</span>
        <textarea
          className="input mono"
          rows={8}
          value={lines}
          spellCheck={false}
          onChange={(e) => setLines(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby="cue-edit-help"
        />
      </label>
      <p id="cue-edit-help" className="muted small-print">
        {t('cues.stepsHelp')}
      </p>
      <label className="check">
        <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} />
        {t('cues.autoLabel')}
      </label>
      {(problem || saveError) && (
        <p className="text-error" role="alert">
          {problem ?? word(saveError!)}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={close}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn primary" disabled={problem !== null}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
