import type { Language, Theme } from '../../common/settings';
import { sessionLabel } from '../lib/format';
import { useT } from './use-t';
import { usePanel } from '../store';
import { savePrefs } from '../actions/prefs';
import { ProxyChain } from './ProxyChain';

/** The top bar: where the panel listens, whether an agent is connected, language, theme, settings. */
export function ConnectionBar() {
  const t = useT();
  const status = usePanel((s) => s.status);
  const sessions = usePanel((s) => s.sessions);
  const coreLink = usePanel((s) => s.coreLink);
  const language = usePanel((s) => s.settings?.language ?? 'auto');
  const theme = usePanel((s) => s.settings?.theme ?? 'system');
  const setSettingsOpen = usePanel((s) => s.setSettingsOpen);
  const setShortcutsOpen = usePanel((s) => s.setShortcutsOpen);

  const connected = sessions.length > 0;
  const text = connected
    ? sessions.length === 1
      ? t('top.connectedOne', { label: sessionLabel(sessions[0]!) })
      : t('top.connectedMany', { n: sessions.length })
    : status?.state === 'error'
      ? t('top.notListening')
      : t('top.waiting');
  const unresponsive = sessions.filter((s) => !s.responsive).length;

  return (
    <>
      <header className="topbar">
        <div className="brand">
          <img src="./icon.svg" alt="" width={28} height={28} />
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-sub">{t('app.sub')}</div>
          </div>
        </div>
        <div className="endpoint" title={t('top.endpointTitle')}>
          <span className="endpoint-label">{t('top.listening')}</span>
          <code className="endpoint-url">{status?.url || '…'}</code>
        </div>
        <div
          className={`status-pill ${connected ? 'is-on' : status?.state === 'error' ? 'is-error' : 'is-wait'}`}
          role="status"
          aria-label={t('top.connection')}
        >
          <span className="dot" aria-hidden="true" />
          {text}
          {unresponsive > 0 && <span className="warn-chip">{t('top.unresponsive', { n: unresponsive })}</span>}
        </div>
        {coreLink === 'down' && (
          <div className="core-down" role="alert">
            {t('top.coreDown')}
          </div>
        )}
        <div className="spacer" />
        <select
          className="input small top-select"
          aria-label={t('top.language')}
          value={language}
          onChange={(e) => void savePrefs({ language: e.target.value as Language })}
        >
          <option value="auto">{t('lang.auto')}</option>
          <option value="en">English</option>
          <option value="ja">日本語</option>
        </select>
        <select
          className="input small top-select"
          aria-label={t('top.theme')}
          value={theme}
          onChange={(e) => void savePrefs({ theme: e.target.value as Theme })}
        >
          <option value="system">{t('theme.system')}</option>
          <option value="light">{t('theme.light')}</option>
          <option value="dark">{t('theme.dark')}</option>
        </select>
        <button
          type="button"
          className="btn ghost"
          onClick={() => setShortcutsOpen(true)}
          aria-label={t('top.shortcuts')}
          aria-keyshortcuts="F1"
          title={t('top.shortcuts')}
        >
          ?
        </button>
        <button type="button" className="btn ghost" onClick={() => setSettingsOpen(true)}>
          {t('top.settings')}
        </button>
      </header>
      <ProxyChain />
    </>
  );
}
