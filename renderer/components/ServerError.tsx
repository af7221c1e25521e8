import { useState } from 'react';
import { listenProblemText } from '../i18n/problems';
import { useT } from './use-t';
import { useStore } from '../store';
import { applyServerSettings } from '../actions/settings';

/** A listener that failed (port in use…) says why and offers the fix. */
export function ServerError() {
  const t = useT();
  const status = useStore((s) => s.status);
  const [port, setPort] = useState('');
  if (status?.state !== 'error' || !status.error) return null;
  const suggested = status.error.suggestedPort;
  return (
    <div className="banner error" role="alert">
      <strong>{t('server.notListening')}</strong> {listenProblemText(status.error, t)}
      <div className="banner-actions">
        {suggested !== undefined && (
          <button type="button" className="btn small" onClick={() => void applyServerSettings({ wsPort: suggested })}>
            {t('server.usePort', { port: suggested })}
          </button>
        )}
        <label>
          {t('server.port')}
          <input
            className="input small"
            inputMode="numeric"
            value={port}
            onChange={(e) => setPort(e.target.value)}
            placeholder={String(status.port)}
            aria-label={t('server.newPort')}
          />
        </label>
        <button
          type="button"
          className="btn small"
          disabled={!port}
          onClick={() => void applyServerSettings({ wsPort: Number(port) })}
        >
          {t('server.changePort')}
        </button>
      </div>
    </div>
  );
}
