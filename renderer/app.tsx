import { useEffect } from 'react';
import { loadAudioFile } from './audio/audio-actions';
import { AgentsPanel } from './components/AgentsPanel';
import { AudioPanel } from './components/AudioPanel';
import { Composer } from './components/Composer';
import { ConfirmDialog } from './components/ConfirmDialog';
import { ConnectionBar } from './components/ConnectionBar';
import { ExposureWarning } from './components/ExposureWarning';
import { LogToolbar } from './components/LogToolbar';
import { MdfSnippet } from './components/MdfSnippet';
import { MessageLog } from './components/MessageLog';
import { ServerError } from './components/ServerError';
import { SettingsDialog } from './components/SettingsDialog';

/** Dropping an audio file anywhere on the window loads it into the Speak panel. */
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

export function App() {
  useAudioDrop();
  return (
    <div className="app">
      <ConnectionBar />
      <ServerError />
      <ExposureWarning />
      <div className="body">
        <aside className="sidebar">
          <AgentsPanel />
          <AudioPanel />
          <MdfSnippet />
        </aside>
        <main className="main">
          <LogToolbar />
          <MessageLog />
          <Composer />
        </main>
      </div>
      <ConfirmDialog />
      <SettingsDialog />
    </div>
  );
}
