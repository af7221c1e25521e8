import type { Language, Theme } from '../../common/settings';
import { agentLabel } from '../lib/format';
import { useT } from './use-t';
import { useStore } from '../store';
import { selectLanguageSetting, selectTheme } from '../store/selectors';
import { savePrefs } from '../actions/prefs';
import { ProxyChain } from './ProxyChain';

/** The top bar: where the panel listens, whether an agent is connected, language, theme, settings. */
export function ConnectionBar() {
  const t = useT();
  const status = useStore((s) => s.status);
  const agents = useStore((s) => s.agents);
  const coreLink = useStore((s) => s.coreLink);
  const language = useStore(selectLanguageSetting);
  const theme = useStore(selectTheme);
  const setSettingsOpen = useStore((s) => s.setSettingsOpen);
  const setShortcutsOpen = useStore((s) => s.setShortcutsOpen);

  const connected = agents.length > 0;
  const text = connected
    ? agents.length === 1
      ? t('top.connectedOne', { label: agentLabel(agents[0]!) })
      : t('top.connectedMany', { n: agents.length })
    : status?.state === 'error'
      ? t('top.notListening')
      : t('top.waiting');
  const unresponsive = agents.filter((s) => !s.responsive).length;

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
