import { useState } from 'react';
import { usePanel } from '../store';
import { applyServerSettings } from './apply-settings';

/** A listener that failed (port in use…) says why and offers the fix. */
export function ServerError() {
  const status = usePanel((s) => s.status);
  const [port, setPort] = useState('');
  if (status?.state !== 'error' || !status.error) return null;
  const suggested = status.error.suggestedPort;
  return (
    <div className="banner error" role="alert">
      <strong>The panel is not listening.</strong> {status.error.message}
      <div className="banner-actions">
        {suggested !== undefined && (
          <button type="button" className="btn small" onClick={() => void applyServerSettings({ wsPort: suggested })}>
            Use port {suggested}
          </button>
        )}
        <label>
          Port
          <input className="input small" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} placeholder={String(status.port)} aria-label="New port" />
        </label>
        <button type="button" className="btn small" disabled={!port} onClick={() => void applyServerSettings({ wsPort: Number(port) })}>
          Change port
        </button>
      </div>
    </div>
  );
}
