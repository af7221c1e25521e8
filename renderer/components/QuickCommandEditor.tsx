import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { QuickCommand } from '../../common/quick-commands';
import { parseSteps } from '../../common/quick-commands';
import type { Words } from '../i18n';
import { useWording, useT } from './use-t';
import { commandProblem } from '../i18n/problems';
import { comboFromEvent } from '../quick/hotkeys';
import { deleteCommand, quickSets, saveCommand } from '../actions/quick';
import { useStore } from '../store';
import { selectProxyOn } from '../store/selectors';
import { useModal } from './use-modal';

const COLORS = ['#2f9e6b', '#2563eb', '#7c3aed', '#c2410c', '#b91c1c', '#0e7490', '#a16207'];

/** Label, lines (checked by the protocol rules as you type), hotkey, colour and, in proxy mode, where it goes. */
export function QuickCommandEditor() {
  const editing = useStore((s) => s.editing);
  const setEditing = useStore((s) => s.setEditing);
  const ref = useModal(editing !== null);
  return (
    <dialog ref={ref} className="dialog wide" aria-labelledby="quick-edit-title" onCancel={() => setEditing(null)}>
      {editing && (
        <EditorForm
          key={editing.command.id}
          setId={editing.setId}
          initial={editing.command}
          isNew={editing.isNew}
          close={() => setEditing(null)}
        />
      )}
    </dialog>
  );
}

function EditorForm({
  setId,
  initial,
  isNew,
  close,
}: {
  setId: string;
  initial: QuickCommand;
  isNew: boolean;
  close: () => void;
}) {
  const t = useT();
  const word = useWording();
  const proxy = useStore(selectProxyOn);
  const [c, setC] = useState(initial);
  const [tried, setTried] = useState(false);
  const [saveError, setSaveError] = useState<Words | null>(null);
  const problem = commandProblem(c, t);
  const steps = parseSteps(c.lines);
  const clash = c.hotkey
    ? quickSets()
        .find((s) => s.id === setId)
        ?.commands.find((x) => x.id !== c.id && x.hotkey === c.hotkey)
    : undefined;

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setTried(true);
    if (problem) return;
    const error = await saveCommand(setId, c);
    if (error) setSaveError(error);
    else close();
  };
  const recordKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Tab') return;
    e.preventDefault();
    if ((e.key === 'Backspace' || e.key === 'Delete') && !e.ctrlKey && !e.altKey && !e.metaKey)
      return setC({ ...c, hotkey: '' });
    const combo = comboFromEvent(e.nativeEvent);
    if (combo && combo !== 'Escape' && combo !== 'Enter') setC({ ...c, hotkey: combo });
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="quick-edit-title">{isNew ? t('editor.newTitle') : t('editor.editTitle', { label: initial.label })}</h2>
      <label className="field">
        <span>{t('editor.label')}</span>
        <input
          className="input"
          value={c.label}
          maxLength={60}
          onChange={(e) => setC({ ...c, label: e.target.value })}
          aria-label={t('editor.label')}
          autoFocus
        />
      </label>
      <label className="field">
        <span>{t('editor.lines')}</span>
        <textarea
          className="input mono"
          rows={6}
          value={c.lines}
          spellCheck={false}
          placeholder={
            'MOTION_ADD|{model}|bow|motions/action/ojigi.vmd|PART|ONCE\nwait 800\nSYNTH_START|{model}|mei_voice_normal|こんにちは'
          }
          onChange={(e) => setC({ ...c, lines: e.target.value })}
          aria-label={t('editor.lines')}
          aria-invalid={tried && !steps.ok ? true : undefined}
          aria-describedby="quick-edit-help"
        />
      </label>
      <p id="quick-edit-help" className="muted small-print">
        {t('editor.help')}
      </p>
      {steps.ok && (
        <p className="muted small-print">
          {t('editor.summary', {
            sends: steps.steps.filter((s) => s.kind !== 'wait').length,
            waits: steps.steps.filter((s) => s.kind === 'wait').reduce((n, s) => n + (s.kind === 'wait' ? s.ms : 0), 0),
          })}
        </p>
      )}
      <div className="field-row">
        <label className="field">
          <span>{t('editor.hotkey')}</span>
          <span className="input-with-button">
            <input
              className="input"
              value={c.hotkey}
              readOnly
              placeholder={t('editor.hotkeyPlaceholder')}
              onKeyDown={recordKey}
              aria-label={t('editor.hotkey')}
            />
            <button type="button" className="btn small" onClick={() => setC({ ...c, hotkey: '' })}>
              {t('editor.clear')}
            </button>
          </span>
        </label>
        <fieldset className="field colours">
          <legend>{t('editor.colour')}</legend>
          <label className="swatch none">
            <input
              type="radio"
              name="colour"
              checked={c.color === ''}
              onChange={() => setC({ ...c, color: '' })}
              aria-label={t('editor.noColour')}
            />
          </label>
          {COLORS.map((col) => (
            <label key={col} className="swatch" style={{ background: col }}>
              <input
                type="radio"
                name="colour"
                checked={c.color === col}
                onChange={() => setC({ ...c, color: col })}
                aria-label={col}
              />
            </label>
          ))}
        </fieldset>
        {proxy && (
          <label className="field">
            <span>{t('compose.sendTo')}</span>
            <select
              className="input"
              aria-label={t('compose.sendTo')}
              value={c.to}
              onChange={(e) => setC({ ...c, to: e.target.value === 'server' ? 'server' : 'agent' })}
            >
              <option value="agent">{t('compose.toAgent')}</option>
              <option value="server">{t('compose.toServer')}</option>
            </select>
          </label>
        )}
      </div>
      {clash && <p className="text-warn">{t('editor.clash', { hotkey: c.hotkey, label: clash.label })}</p>}
      {((tried && problem) || saveError) && (
        <p role="alert" className="text-error">
          {saveError ? word(saveError) : problem}
        </p>
      )}
      <div className="dialog-actions">
        {!isNew && (
          <button
            type="button"
            className="btn danger-ghost"
            onClick={() => {
              void deleteCommand(setId, c.id).then(close);
            }}
          >
            {t('editor.delete')}
          </button>
        )}
        <div className="spacer" />
        <button type="button" className="btn" onClick={close}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn primary">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
