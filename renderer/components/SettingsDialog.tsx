import { useEffect, useRef, useState, type FormEvent } from 'react';
import { usePanel } from '../store';
import { applyServerSettings } from './apply-settings';

/** Host, port and path of the endpoint; applying restarts the listener, not the app. */
export function SettingsDialog() {
  const open = usePanel((s) => s.settingsOpen);
  const setOpen = usePanel((s) => s.setSettingsOpen);
  const settings = usePanel((s) => s.settings);
  const ref = useRef<HTMLDialogElement>(null);
  const [host, setHost] = useState('');
  const [port, setPort] = useState('');
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && settings) {
      setHost(settings.wsHost);
      setPort(String(settings.wsPort));
      setPath(settings.wsPath);
      setError(null);
      if (!dialog.open) dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, settings]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const portNumber = Number(port);
    if (!/^\d+$/.test(port.trim()) || portNumber < 1 || portNumber > 65535) return setError('The port must be a whole number from 1 to 65535.');
    setOpen(false);
    const problem = await applyServerSettings({ wsHost: host.trim(), wsPort: portNumber, wsPath: path.trim() });
    if (problem) {
      setOpen(true);
      setError(problem);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="settings-title" onCancel={() => setOpen(false)}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="settings-title">Server settings</h2>
        <p className="muted">Where MMDAgent-EX connects. Use the same values in its .mdf.</p>
        <label className="field">
          <span>Host (Plugin_Remote_Websocket_Host)</span>
          <input className="input" value={host} onChange={(e) => setHost(e.target.value)} aria-label="Host" />
        </label>
        <label className="field">
          <span>Port (Plugin_Remote_Websocket_Port)</span>
          <input className="input" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} aria-label="Port" />
        </label>
        <label className="field">
          <span>Path (Plugin_Remote_Websocket_Directory)</span>
          <input className="input" value={path} onChange={(e) => setPath(e.target.value)} aria-label="Path" />
        </label>
        {error && (
          <p role="alert" className="text-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button type="submit" className="btn primary">
            Apply
          </button>
        </div>
      </form>
    </dialog>
  );
}
