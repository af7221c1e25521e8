import { useT } from './use-t';
import { activeSet } from '../actions/quick';
import { SHORTCUTS } from './use-global-keys';
import { useStore } from '../store';
import { useModal } from './use-modal';
import { presetLabel } from '../quick/example-labels';

/** Every keyboard shortcut, including the active set's quick-command hotkeys (? or F1). */
export function ShortcutsDialog() {
  const t = useT();
  const open = useStore((s) => s.shortcutsOpen);
  const setOpen = useStore((s) => s.setShortcutsOpen);
  useStore((s) => s.settings?.quickSets);
  const ref = useModal(open);
  const set = activeSet();
  const hotkeys = set?.commands.filter((c) => c.hotkey) ?? [];
  const ptt = useStore((s) => s.mic.pttKey);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onCancel={() => setOpen(false)}>
      {open && (
        <>
          <h2 id="shortcuts-title">{t('keys.title')}</h2>
          <table className="shortcuts">
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.keys}>
                  <td>
                    <kbd>{s.keys}</kbd>
                  </td>
                  <td>{t(s.what)}</td>
                </tr>
              ))}
              {ptt && (
                <tr>
                  <td>
                    <kbd>{ptt}</kbd>
                  </td>
                  <td>{t('keys.ptt')}</td>
                </tr>
              )}
              {hotkeys.map((c) => (
                <tr key={c.id}>
                  <td>
                    <kbd>{c.hotkey}</kbd>
                  </td>
                  <td>{t('keys.quick', { label: c.label, set: set!.name })}</td>
                </tr>
              ))}
              {set?.presets
                .filter((p) => p.hotkey)
                .map((p) => (
                  <tr key={p.id}>
                    <td>
                      <kbd>{p.hotkey}</kbd>
                    </td>
                    <td>{t('keys.preset', { name: presetLabel(set.id, p.name, t), set: set.name })}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <p className="muted small-print">{t('keys.note')}</p>
          <div className="dialog-actions">
            <button type="button" className="btn primary" onClick={() => setOpen(false)} autoFocus>
              {t('common.close')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
