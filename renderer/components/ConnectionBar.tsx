import type { Language, Theme } from '../../common/settings';
import { useT } from './use-t';
import { useStore } from '../store';
import { selectLanguageSetting, selectTheme } from '../store/selectors';
import { savePrefs } from '../actions/prefs';
import { stopEverything } from '../actions/stop';
import { AgentBadges } from './AgentBadges';
import { ProxyChain } from './ProxyChain';

/** The top bar: where the panel listens, who is connected, Stop everything, language, theme, settings. */
export function ConnectionBar() {
  const t = useT();
  const status = useStore((s) => s.status);
  const language = useStore(selectLanguageSetting);
  const theme = useStore(selectTheme);
  const setSettingsOpen = useStore((s) => s.setSettingsOpen);
  const setShortcutsOpen = useStore((s) => s.setShortcutsOpen);

  return (
    <>
      <header className="topbar">
        <div className="brand">
          <img src="./icon.svg" alt="" width={24} height={24} />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <div className="endpoint" title={`${t('top.endpointTitle')}: ${status?.url ?? ''}`}>
          <span className="endpoint-label">{t('top.listening')}</span>
          <code className="endpoint-url">{status?.url || '…'}</code>
        </div>
        <AgentBadges />
        <button
          type="button"
          className="btn danger stop-all"
          onClick={() => void stopEverything()}
          title={t('stop.everythingTitle')}
          aria-keyshortcuts="Escape"
        >
          <span aria-hidden="true">■ </span>
          {t('stop.everything')}
        </button>
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
