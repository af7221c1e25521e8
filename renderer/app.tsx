import { useEffect } from 'react';
import { loadAudioFile } from './actions/audio';
import { AgentAlerts } from './components/AgentAlerts';
import { Composer } from './components/Composer';
import { Dock } from './components/Dock';
import { ConfirmDialog } from './components/ConfirmDialog';
import { ConnectionBar } from './components/ConnectionBar';
import { ExposureWarning } from './components/ExposureWarning';
import { LogToolbar } from './components/LogToolbar';
import { LiveLog } from './components/LiveLog';
import { ServerError } from './components/ServerError';
import { SettingsDialog } from './components/SettingsDialog';
import { DetailPane } from './components/DetailPane';
import { QuickCommandEditor } from './components/QuickCommandEditor';
import { CueEditor } from './components/CueEditor';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { useLang } from './components/use-t';
import { useGlobalKeys } from './components/use-global-keys';
import { useStore } from './store';

/** Dropping an audio file anywhere on the window loads it into the Speech card. */
function useAudioDrop(): void {
  useEffect(() => {
    const over = (e: DragEvent): void => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent): void => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      void loadAudioFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}

/** The chosen theme and language go on <html> (the theme follows the OS unless one is picked). */
function useDocumentPrefs(): void {
  const theme = useStore((s) => s.settings?.theme ?? 'system');
  const lang = useLang();
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
    root.lang = lang;
  }, [theme, lang]);
}

export function App() {
  useAudioDrop();
  useGlobalKeys();
  useDocumentPrefs();
  return (
    <div className="app">
      <ConnectionBar />
      <div className="body">
        <main className="main">
          <LogToolbar />
          <div className="log-area">
            <LiveLog />
            <div className="overlays">
              <ServerError />
              <ExposureWarning />
              <AgentAlerts />
            </div>
          </div>
          <DetailPane />
          <Composer />
        </main>
        <Dock />
      </div>
      <ConfirmDialog />
      <SettingsDialog />
      <QuickCommandEditor />
      <CueEditor />
      <ShortcutsDialog />
    </div>
  );
}
