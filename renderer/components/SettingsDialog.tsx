import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Settings } from '../../electron/contract';
import { usePanel } from '../store';
import { applyServerSettings } from './apply-settings';

/** Host, port and path of the endpoint; applying restarts the listener, not the app. */
export function SettingsDialog() {
  const open = usePanel((s) => s.settingsOpen);
  const setOpen = usePanel((s) => s.setSettingsOpen);
  const settings = usePanel((s) => s.settings);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="settings-title" onCancel={() => setOpen(false)}>
      {open && settings && <SettingsForm initial={settings} close={() => setOpen(false)} />}
    </dialog>
  );
}

/** 24 random URL-safe characters for a secret endpoint path. */
function secretToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

function SettingsForm({ initial, close }: { initial: Settings; close: () => void }) {
  /* Port 0 (any free port, from the command line) shows the port actually in use. */
  const bound = usePanel((s) => s.status?.port ?? 0);
  const [host, setHost] = useState(initial.wsHost);
  const [port, setPort] = useState(String(initial.wsPort || bound));
  const [path, setPath] = useState(initial.wsPath);
  const [maxMin, setMaxMin] = useState(String(initial.audioMaxSec / 60));
  const [origins, setOrigins] = useState(initial.allowedOrigins.join('\n'));
  const [upstreamOn, setUpstreamOn] = useState(initial.upstreamEnabled);
  const [upstream, setUpstream] = useState(initial.upstreamUrl);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const portNumber = Number(port);
    if (!/^\d+$/.test(port.trim()) || portNumber < 1 || portNumber > 65535) return setError('The port must be a whole number from 1 to 65535.');
    const minutes = Number(maxMin);
    if (!(minutes >= 0.1 && minutes <= 60)) return setError('The longest audio file must be between 0.1 and 60 minutes.');
    if (upstreamOn && !/^wss?:\/\/\S+$/i.test(upstream.trim())) return setError('Proxy mode needs the dialogue server\'s address, like ws://127.0.0.1:9002/chat.');
    setBusy(true);
    const allowedOrigins = origins.split(/[\s,]+/).filter(Boolean);
    const problem = await applyServerSettings({ wsHost: host.trim(), wsPort: portNumber, wsPath: path.trim(), audioMaxSec: Math.round(minutes * 60), allowedOrigins, upstreamUrl: upstream.trim(), upstreamEnabled: upstreamOn });
    setBusy(false);
    if (problem) setError(problem);
    else close();
  };

  return (
    <form onSubmit={(e) => void submit(e)}>
      <h2 id="settings-title">Settings</h2>
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
        <span className="input-with-button">
          <input className="input" value={path} onChange={(e) => setPath(e.target.value)} aria-label="Path" />
          <button type="button" className="btn small" onClick={() => setPath(`/chat/${secretToken()}`)} title="For listening on a network: only a client that knows the path can connect">
            Secret path
          </button>
        </span>
      </label>
      <label className="field">
        <span>Web pages allowed to connect (origins, one per line)</span>
        <textarea className="input" rows={2} value={origins} onChange={(e) => setOrigins(e.target.value)} aria-label="Allowed origins" placeholder="none: web pages are refused" spellCheck={false} />
      </label>
      <fieldset className="field proxy-fields">
        <legend>Proxy mode</legend>
        <label className="switch-row">
          <input type="checkbox" role="switch" checked={upstreamOn} onChange={(e) => setUpstreamOn(e.target.checked)} aria-label="Proxy to a dialogue server" />
          <span>Connect each agent onward to a dialogue server, and relay both ways</span>
        </label>
        <label className="field">
          <span>Upstream URL (the dialogue server MMDAgent-EX used to connect to)</span>
          <input className="input" value={upstream} onChange={(e) => setUpstream(e.target.value)} aria-label="Upstream URL" placeholder="ws://127.0.0.1:9002/chat" spellCheck={false} />
        </label>
      </fieldset>
      <label className="field">
        <span>Longest audio file, minutes</span>
        <input className="input" inputMode="decimal" value={maxMin} onChange={(e) => setMaxMin(e.target.value)} aria-label="Longest audio file (minutes)" />
      </label>
      {error && (
        <p role="alert" className="text-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={close}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={busy}>
          Apply
        </button>
      </div>
    </form>
  );
}
