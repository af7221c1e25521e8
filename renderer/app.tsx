import { AgentsPanel } from './components/AgentsPanel';
import { Composer } from './components/Composer';
import { ConfirmDialog } from './components/ConfirmDialog';
import { ConnectionBar } from './components/ConnectionBar';
import { LogToolbar } from './components/LogToolbar';
import { MdfSnippet } from './components/MdfSnippet';
import { MessageLog } from './components/MessageLog';
import { ServerError } from './components/ServerError';
import { SettingsDialog } from './components/SettingsDialog';

export function App() {
  return (
    <div className="app">
      <ConnectionBar />
      <ServerError />
      <div className="body">
        <aside className="sidebar">
          <AgentsPanel />
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
