import { useState, type DragEvent } from 'react';
import type { QuickCommand } from '../../common/quick-commands';
import { newId } from '../../common/quick-commands';
import type { Words } from '../i18n';
import { useWording, useT } from './use-t';
import {
  activeSet,
  addSet,
  cancelRunning,
  deleteSet,
  exportSet,
  importSet,
  moveCommand,
  renameSet,
  runCommand,
  selectSet,
} from '../actions/quick';
import { useStore } from '../store';
import { selectActiveQuickSetId, selectQuickSets } from '../store/selectors';
import { FilePickButton } from './FilePickButton';
import { exampleLabel, exampleSetName } from '../quick/example-labels';

/** One-press buttons for the rehearsed moments, in sets; drag to reorder, ✎ to edit. */
export function QuickCommands() {
  const t = useT();
  const word = useWording();
  const sets = useStore(selectQuickSets);
  const activeId = useStore(selectActiveQuickSetId);
  const running = useStore((s) => s.running);
  const message = useStore((s) => s.quickMessage);
  const setMessage = useStore((s) => s.setQuickMessage);
  const setEditing = useStore((s) => s.setEditing);
  const askConfirm = useStore((s) => s.askConfirm);
  const [dragging, setDragging] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  useStore((s) => s.settings?.quickSets);
  const set = activeSet();
  void activeId;
  /** The example set's untouched buttons are named in the UI's language. */
  const shown = (label: string): string => (set ? exampleLabel(set.id, label, t) : label);

  const report = (p: Promise<Words | null>): void => {
    void p.then((error) => setMessage(error ? { error: true, words: error } : null));
  };
  const newCommand = (): void => {
    if (!set) return;
    const command: QuickCommand = { id: newId('cmd'), label: '', lines: '', hotkey: '', color: '', to: 'agent' };
    setEditing({ setId: set.id, command, isNew: true });
  };
  const onDrop = (e: DragEvent, beforeId: string | null): void => {
    e.preventDefault();
    const id = e.dataTransfer.getData('application/x-remote-panel-command') || dragging;
    setDragging(null);
    if (set && id) report(moveCommand(set.id, id, beforeId));
  };

  return (
    <section className="quick" role="region" aria-label={t('quick.name')}>
      <div className="quick-head">
        <h2 className="quick-title">{t('quick.name')}</h2>
        {renaming !== null && set ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              report(renameSet(set.id, renaming));
              setRenaming(null);
            }}
          >
            <input
              className="input small"
              autoFocus
              value={renaming}
              aria-label={t('quick.setName')}
              onChange={(e) => setRenaming(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
            />
          </form>
        ) : (
          <select
            className="input small"
            aria-label={t('quick.set')}
            value={set?.id ?? ''}
            onChange={(e) => report(selectSet(e.target.value))}
          >
            {sets.map((s) => (
              <option key={s.id} value={s.id}>
                {exampleSetName(s, t)}
              </option>
            ))}
          </select>
        )}
        <details className="menu">
          <summary className="btn small">{t('quick.setMenu')}</summary>
          <div className="menu-items">
            <button type="button" className="btn small" onClick={() => report(addSet(t('quick.newSetName')))}>
              {t('quick.newSet')}
            </button>
            {set && (
              <>
                <button type="button" className="btn small" onClick={() => setRenaming(set.name)}>
                  {t('quick.rename')}
                </button>
                <button
                  type="button"
                  className="btn small"
                  onClick={() =>
                    askConfirm({
                      title: { key: 'quick.deleteSetTitle', params: { name: set.name } },
                      message: { key: 'quick.deleteSetMessage' },
                      confirmLabel: { key: 'quick.deleteSet' },
                      onConfirm: () => report(deleteSet(set.id)),
                    })
                  }
                >
                  {t('quick.deleteSet')}
                </button>
                <button type="button" className="btn small" onClick={() => void exportSet(set)}>
                  {t('quick.export')}
                </button>
              </>
            )}
            <FilePickButton
              label={t('quick.import')}
              inputLabel={t('quick.importFile')}
              accept=".json,application/json"
              onFile={(f) => report(importSet(f))}
            />
          </div>
        </details>
        <div className="spacer" />
        {running && (
          <span className="quick-running" role="status" aria-label={t('quick.runningName')}>
            {t('quick.running', { label: running.label, step: running.step + 1, total: running.total })}
            <button
              type="button"
              className="btn small danger-ghost"
              onClick={() => cancelRunning()}
              aria-keyshortcuts="Escape"
            >
              {t('quick.cancel')}
            </button>
          </span>
        )}
      </div>
      <div className="quick-buttons" onDragOver={(e) => e.preventDefault()} onDrop={(e) => onDrop(e, null)}>
        {set?.commands.map((c) => (
          <span
            key={c.id}
            className={`quick-item ${dragging === c.id ? 'dragging' : ''}`}
            draggable
            onDragStart={(e) => {
              setDragging(c.id);
              e.dataTransfer.setData('application/x-remote-panel-command', c.id);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragEnd={() => setDragging(null)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.stopPropagation();
              onDrop(e, c.id);
            }}
          >
            <button
              type="button"
              className={`btn quick-btn ${running?.id === c.id ? 'active' : ''}`}
              style={c.color ? { borderColor: c.color, boxShadow: `inset 4px 0 0 ${c.color}` } : undefined}
              aria-keyshortcuts={c.hotkey || undefined}
              title={`${c.lines}${c.hotkey ? `\n${t('quick.hotkey')}: ${c.hotkey}` : ''}`}
              onClick={() => void runCommand(c)}
            >
              {shown(c.label)}
              {c.hotkey && <kbd aria-hidden="true">{c.hotkey}</kbd>}
              {c.to === 'server' && (
                <span className="quick-to" aria-hidden="true">
                  ⇒S
                </span>
              )}
            </button>
            <button
              type="button"
              className="btn small ghost quick-edit"
              aria-label={t('quick.edit', { label: shown(c.label) })}
              onClick={() => setEditing({ setId: set.id, command: { ...c }, isNew: false })}
            >
              ✎
            </button>
          </span>
        ))}
        {set && (
          <button type="button" className="btn small quick-add" onClick={newCommand}>
            {t('quick.add')}
          </button>
        )}
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'text-error' : 'muted'}>
          {word(message.words)}
        </p>
      )}
    </section>
  );
}
